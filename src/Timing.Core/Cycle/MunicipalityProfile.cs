namespace Timing.Core.Cycle;

/// <summary>
/// The facts of one municipality that differ from the defaults. Everything else follows from the
/// rules, so the profile of a municipality with a regular schedule and no known dates is just its name.
/// </summary>
public sealed record MunicipalityProfile(
    Municipality Municipality,
    LocalDate? MergerDate = null,
    IReadOnlyList<ActualDate>? Actuals = null,
    IReadOnlyList<LocalEvent>? Events = null,
    string? Region = null)
{
    public IReadOnlyList<ActualDate> Actuals { get; init; } = Actuals ?? [];

    public IReadOnlyList<LocalEvent> Events { get; init; } = Events ?? [];

    public MunicipalityCode Code => Municipality.Code;

    /// <summary>
    /// The profile with the municipality's public facts added beneath its own entries: an organisation's own
    /// date for a moment wins over a public fact for the same moment and cycle; a public fact wins over the rules.
    /// </summary>
    public MunicipalityProfile WithPublicFacts(IEnumerable<ActualDate> facts)
    {
        var own = Actuals.Select(a => (a.Kind, a.Cycle)).ToHashSet();
        var shared = facts.Where(f => !own.Contains((f.Kind, f.Cycle))).ToArray();
        return shared.Length == 0 ? this : this with { Actuals = Actuals.Concat(shared).ToArray() };
    }
}
