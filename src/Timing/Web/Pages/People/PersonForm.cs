using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;

namespace Timing.Web.Pages.People;

/// <summary>
/// What the person fields show: the current values when editing, the entered ones after an error. With
/// <paramref name="OwnChoices"/> the person chose reminders, audiences and municipalities themselves: those are shown, not offered.
/// </summary>
public sealed record PersonForm(
    string? Email,
    bool EmailEditable,
    string? EmailError,
    string? Name,
    string? NameError,
    string? ChoiceError,
    Language Language,
    NudgeMode NudgeMode,
    bool Unsubscribed,
    IReadOnlySet<string> Audiences,
    IReadOnlySet<string> Municipalities,
    IReadOnlyList<FollowedMunicipality> All,
    bool OwnChoices = false);

/// <summary>The values the person fields post for a language and a reminder setting.</summary>
public static class PersonFormValues
{
    /// <summary>The reminder settings in the order the form offers them.</summary>
    public static IReadOnlyList<NudgeMode> Modes { get; } = [NudgeMode.Each, NudgeMode.Digest, NudgeMode.Both, NudgeMode.None];

    public static string Value(Language language) => Ui.Code(language);

    /// <summary>"en" is English; anything else Dutch.</summary>
    public static Language Language(string? value) => value == "en" ? Core.Cycle.Language.En : Core.Cycle.Language.Nl;

    public static string Value(NudgeMode mode) => mode switch
    {
        NudgeMode.Digest => "digest",
        NudgeMode.Both => "both",
        NudgeMode.None => "none",
        _ => "each",
    };

    /// <summary>The setting a posted value names, or null for a value the form never offers.</summary>
    public static NudgeMode? Mode(string? value) => Modes.Cast<NudgeMode?>().FirstOrDefault(m => Value(m!.Value) == value);

    /// <summary>
    /// The first posted choice the form never offers, said in both languages; null when every choice is one the
    /// form shows. Such a post is refused as a whole rather than quietly read as something else.
    /// </summary>
    public static LocalizedText? Problem(CycleRules rules, string? language, string? mode, bool modeShown, IEnumerable<string> audiences,
        IEnumerable<string> municipalities, IReadOnlyCollection<string> followed)
    {
        if (language is not (null or "nl" or "en"))
        {
            return new($"Taal ‘{TextLimits.Quoted(language)}’ kennen we niet; kies Nederlands of English.",
                $"Language ‘{TextLimits.Quoted(language)}’ is not one we know; choose Nederlands or English.");
        }
        if (modeShown && mode is not null && Mode(mode) is null)
        {
            return new($"Herinneringen ‘{TextLimits.Quoted(mode)}’ kennen we niet; kies een van de getoonde mogelijkheden.",
                $"Reminders ‘{TextLimits.Quoted(mode)}’ is not a setting we know; choose one of the options shown.");
        }
        if (audiences.FirstOrDefault(a => !rules.IsAudience(a)) is { } audience)
        {
            return new($"Doelgroep ‘{TextLimits.Quoted(audience)}’ kennen we niet; vink alleen getoonde doelgroepen aan.",
                $"Audience ‘{TextLimits.Quoted(audience)}’ is not one we know; tick only the audiences shown.");
        }
        if (municipalities.FirstOrDefault(m => !followed.Contains(m)) is { } municipality)
        {
            return new($"Gemeente ‘{TextLimits.Quoted(municipality)}’ volgt uw organisatie niet; vink alleen getoonde gemeenten aan.",
                $"Your organisation does not follow municipality ‘{TextLimits.Quoted(municipality)}’; tick only the municipalities shown.");
        }
        return null;
    }
}
