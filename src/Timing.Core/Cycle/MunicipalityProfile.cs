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
    SchoolRegion? Region = null)
{
    public IReadOnlyList<ActualDate> Actuals { get; init; } = Actuals ?? [];

    public IReadOnlyList<LocalEvent> Events { get; init; } = Events ?? [];

    public MunicipalityCode Code => Municipality.Code;
}
