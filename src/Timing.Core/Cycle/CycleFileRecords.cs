namespace Timing.Core.Cycle;

// The rule files as written, read only after their schema has accepted them: the shape is the schema's word, so
// these records carry no checks of their own. Periods and dates stay text here; CycleConfigParser reads them.

internal sealed record CycleRecord(
    PhaseRecord[] Phases,
    AudienceDefinition[] Audiences,
    MomentRecord[] Moments,
    HolidayRecord[]? SchoolSummerHolidays,
    SchoolRegionRecord[]? SchoolRegions);

internal sealed record SchoolRegionRecord(string Id, LocalizedText Name, string[] Municipalities);

internal sealed record PhaseRecord(string Id, LocalizedText Name, string Colour);

internal sealed record HolidayRecord(string Region, string Start, string End);

internal sealed record ReferenceRecord(string From, string? Offset, MomentEdge Edge = MomentEdge.Start);

internal sealed record EstimateRecord(string From, string P10, string Median, string P90);

internal sealed record YearlyRecord(string Start, string End, bool FollowSchoolHolidays = false, string? Follows = null);

internal sealed record NudgeRecord(MomentEdge Before, string Lead);

/// <summary>The forms of derivation; the schema lets exactly one be present.</summary>
internal record DerivationRecord
{
    public string? Law { get; init; }
    public ReferenceRecord? Start { get; init; }
    public ReferenceRecord? End { get; init; }
    public EstimateRecord? Estimate { get; init; }
    public YearlyRecord? Yearly { get; init; }
    public string? Calendar { get; init; }
    public bool Entered { get; init; }
}

internal sealed record MomentRecord : DerivationRecord
{
    public required string Kind { get; init; }
    public required string Phase { get; init; }
    public required LocalizedText Name { get; init; }
    public LocalizedText? ShortName { get; init; }
    public required LocalizedText Advice { get; init; }
    public required string[] Audiences { get; init; }
    public required NudgeRecord[] Nudges { get; init; }
    public DerivationRecord? Merger { get; init; }
    public Dictionary<TermYear, LocalizedText>? AdviceByTermYear { get; init; }
    public Dictionary<TermYear, LocalizedText>? BringByTermYear { get; init; }
    public LocalizedText? Action { get; init; }
    public LocalizedText? Bring { get; init; }
    public int? BudgetYear { get; init; }
}

internal sealed record ElectionsRecord(ExceptionRecord[] Exceptions, OtherElectionRecord[] OtherElections);

internal sealed record ExceptionRecord(string Body, int Year, string Kind, string Start, string End, string Source);

internal sealed record ExpectedRecord(string Earliest, string Latest);

internal sealed record OtherElectionRecord(string Body, string Date, LocalizedText Name, ExpectedRecord? Expected, string? ResultDeclared);
