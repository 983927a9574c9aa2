namespace Timing.Core.Cycle;

/// <summary>
/// The stable identity of a moment: municipality, kind and cycle, written "GM0344/coalition-agreement/2026".
/// Feed UIDs and nudge ids derive from it, so a moved date updates the same event and nudge.
/// </summary>
public sealed record MomentKey(MunicipalityCode Municipality, string Kind, int Cycle, string? LocalId = null)
{
    public override string ToString() => LocalId is null
        ? $"{Municipality.Value}/{Kind}/{Cycle}"
        : $"{Municipality.Value}/{Kind}/{Cycle}/{LocalId}";
}
