using Timing.Core.Cycle;

namespace Timing.Cli;

/// <summary>The words of the timeline table that <c>timing plan</c> prints, in Dutch and English.</summary>
public static class PlanTexts
{
    public static IReadOnlyList<LocalizedText> Headers { get; } =
        [new("Begin", "Start"), new("Einde", "End"), new("Moment", "Moment"), new("Basis", "Basis")];

    public static LocalizedText Municipality { get; } = new("Gemeente ", "Municipality of ");

    public static LocalizedText NoMoments { get; } = new("Geen momenten in deze periode.", "No moments in this period.");

    // How a moment's date is known, one word for a narrow column.

    public static LocalizedText Law { get; } = new("wet", "law");

    public static LocalizedText Typical { get; } = new("gebruikelijk", "typical");

    public static LocalizedText Estimate { get; } = new("schatting", "estimate");

    public static LocalizedText Actual { get; } = new("werkelijk", "actual");

    public static LocalizedText Local { get; } = new("lokaal", "local");
}
