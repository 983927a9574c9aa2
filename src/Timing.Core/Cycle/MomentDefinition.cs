namespace Timing.Core.Cycle;

/// <summary>One moment kind as configured in config/cycle.json.</summary>
public sealed record MomentDefinition(
    string Kind,
    string Phase,
    LocalizedText Name,
    LocalizedText Advice,
    IReadOnlyList<string> Audiences,
    Derivation Derivation,
    Derivation? MergerDerivation,
    IReadOnlyList<NudgeLead> Nudges)
{
    /// <summary>Whether the moment recurs every calendar year rather than once per election cycle.</summary>
    public bool IsYearly => Derivation switch
    {
        YearlyDerivation => true,
        LawDerivation law => LawRules.Find(law.Rule)?.Scope == LawScope.Year,
        _ => false,
    };

    /// <summary>Whether the moment belongs to another arena: dated per provincial election or from the election calendar.</summary>
    public bool IsArena => Derivation switch
    {
        CalendarDerivation => true,
        LawDerivation law => LawRules.Find(law.Rule)?.Scope == LawScope.Provincial,
        _ => false,
    };

    /// <summary>The derivation for a cycle: the merger form in a merger cycle when one is configured.</summary>
    public Derivation For(bool mergerCycle) => mergerCycle && MergerDerivation is not null ? MergerDerivation : Derivation;
}
