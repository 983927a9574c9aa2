using Timing.Core.Cycle;

namespace Timing.Municipalities;

/// <summary>
/// How a director's change went: done with a confirmation, or refused with a problem per form field. A refused change
/// asked for something Timing cannot do (a year out of range, a date that is not theirs): the page answers 400 then.
/// </summary>
public sealed record ChangeOutcome(LocalizedText? Confirmation, IReadOnlyDictionary<string, LocalizedText> Problems, bool IsRefused = false, bool IsMissing = false)
{
    /// <summary>The municipality's code as stored, for the page to return to.</summary>
    public string Code { get; init; } = "";

    /// <summary>No such municipality for this organisation, or no such thing in it.</summary>
    public static ChangeOutcome Missing { get; } = new(null, new Dictionary<string, LocalizedText>(), IsMissing: true);

    public static ChangeOutcome Done(LocalizedText confirmation) => new(confirmation, new Dictionary<string, LocalizedText>());

    public static ChangeOutcome Invalid(string field, LocalizedText problem) => new(null, new Dictionary<string, LocalizedText> { [field] = problem });

    public static ChangeOutcome Refused(string field, LocalizedText problem) => Invalid(field, problem) with { IsRefused = true };
}
