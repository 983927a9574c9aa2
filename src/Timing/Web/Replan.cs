using Timing.Core.Cycle;
using Timing.Worker;

namespace Timing.Web;

/// <summary>What a change meant for the organisation's e-mail reminders, in words for a confirmation.</summary>
public static class Replan
{
    /// <summary>" 3 herinneringen opnieuw gepland, 1 ingetrokken." — with a leading space, to follow the change it reports.</summary>
    public static LocalizedText Text(NudgeOutbox.Result? result) => result switch
    {
        null => new(" De herinneringen worden zo dadelijk opnieuw gepland.", " The reminders will be re-planned shortly."),
        { Added: 0, Retracted: 0 } => new(" Geen herinneringen veranderd.", " No reminders changed."),
        { Retracted: 0 } => Sentence(Replanned(result.Added)),
        { Added: 0 } => Sentence(Withdrawn(result.Retracted)),
        _ => Sentence(new($"{Replanned(result.Added).Nl}, {result.Retracted} ingetrokken", $"{Replanned(result.Added).En}, {result.Retracted} withdrawn")),
    };

    private static LocalizedText Replanned(int count) =>
        new($"{count} {(count == 1 ? "herinnering" : "herinneringen")} opnieuw gepland", $"{count} {(count == 1 ? "reminder" : "reminders")} re-planned");

    private static LocalizedText Withdrawn(int count) =>
        new($"{count} {(count == 1 ? "herinnering" : "herinneringen")} ingetrokken", $"{count} {(count == 1 ? "reminder" : "reminders")} withdrawn");

    private static LocalizedText Sentence(LocalizedText text) => new($" {text.Nl}.", $" {text.En}.");
}
