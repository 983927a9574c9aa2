using Timing.Core.Elections;

namespace Timing.Core.Cycle;

/// <summary>
/// Turns the rules and a municipality's profile into its timeline: a pure function of its inputs.
/// Every projection (feed, nudges, pages, CLI) is made from the timeline this returns.
/// </summary>
public sealed class CyclePlanner
{
    private readonly CycleRules _rules;
    private readonly Dictionary<string, int> _electionIndex;
    private readonly Dictionary<string, int> _order;

    public CyclePlanner(CycleRules rules)
    {
        _rules = rules;
        _electionIndex = rules.ElectionMoments.Select((m, i) => (m.Kind, i)).ToDictionary(x => x.Kind, x => x.i, StringComparer.Ordinal);
        _order = rules.Moments.Select((m, i) => (m.Kind, i)).ToDictionary(x => x.Kind, x => x.i, StringComparer.Ordinal);
    }

    public CycleRules Rules => _rules;

    /// <summary>Every moment of the municipality that overlaps <paramref name="range"/>, in date order.</summary>
    public Timeline Plan(MunicipalityProfile profile, DateInterval range)
    {
        var moments = new List<Moment>();
        foreach (var cycle in ElectionCycles(profile, range.Start.Year - 3, range.End.Year + 2))
        {
            PlanCycle(profile, cycle, range, moments);
        }
        for (var year = range.Start.Year; year <= range.End.Year; year++)
        {
            PlanYear(profile, year, range, moments);
        }
        foreach (var local in profile.Events)
        {
            if (Overlaps(local.Dates.Start, local.Dates.End, range))
            {
                moments.Add(LocalMoment(profile.Code, local));
            }
        }
        moments.Sort(Compare);
        return new Timeline(profile.Municipality, range, moments);
    }

    /// <summary>
    /// The cycle an actual date of <paramref name="kind"/> belongs to: the calendar year for yearly
    /// moments, otherwise the election cycle whose derived date for that kind is nearest.
    /// </summary>
    public int CycleOf(MunicipalityProfile profile, string kind, LocalDate date)
    {
        var definition = _rules.Moment(kind);
        if (definition.IsYearly)
        {
            return date.Year;
        }
        var plain = profile with { Actuals = profile.Actuals.Where(a => a.Kind != kind).ToArray() };
        var range = new DateInterval(date.PlusYears(-5), date.PlusYears(5));
        var nearest = Plan(plain, range).Moments
            .Where(m => m.Kind == kind)
            .MinBy(m => Math.Abs(Period.DaysBetween(date, m.Start)));
        return nearest?.Cycle ?? date.Year;
    }

    /// <summary>The elections of the municipality held in <paramref name="firstYear"/> … <paramref name="lastYear"/>, in date order.</summary>
    public static IReadOnlyList<ElectionCycle> ElectionCycles(MunicipalityProfile profile, int firstYear, int lastYear)
    {
        var cycles = new List<ElectionCycle>();
        int? skipped = profile.MergerDate is { } merger ? MergerElections.SkippedRegularYear(merger) : null;
        for (var year = Kieswet.NextRegularYear(ElectionBody.MunicipalCouncil, firstYear); year <= lastYear; year += 4)
        {
            if (year != skipped)
            {
                cycles.Add(ElectionCycle.Regular(year));
            }
        }
        if (profile.MergerDate is { } date && date.Year - 1 >= firstYear && date.Year - 1 <= lastYear)
        {
            cycles.Add(ElectionCycle.Merger(date));
            cycles.Sort((a, b) => a.ElectionDay.CompareTo(b.ElectionDay));
        }
        return cycles;
    }

    private void PlanCycle(MunicipalityProfile profile, ElectionCycle cycle, DateInterval range, List<Moment> output)
    {
        var definitions = _rules.ElectionMoments;
        var resolved = new Dates?[definitions.Count];
        for (var i = 0; i < definitions.Count; i++)
        {
            var dates = Resolve(i, profile, cycle, resolved);
            if (Overlaps(dates.Start, dates.End, range))
            {
                output.Add(ToMoment(profile.Code, definitions[i], cycle.Year, dates));
            }
        }
    }

    private Dates Resolve(int index, MunicipalityProfile profile, ElectionCycle cycle, Dates?[] resolved)
    {
        if (resolved[index] is { } known)
        {
            return known;
        }
        var definition = _rules.ElectionMoments[index];
        Dates dates;
        if (FindActual(profile, definition.Kind, cycle.Year) is { } actual)
        {
            dates = Dates.Certain(actual.Dates, actual.Basis, actual.Source);
        }
        else
        {
            switch (definition.For(cycle.IsMerger))
            {
                case LawDerivation law:
                    var computed = LawRules.Find(law.Rule)!.Compute(cycle, _rules.Elections);
                    dates = Dates.Certain(computed.Dates, Basis.Law, computed.Source);
                    break;
                case OffsetDerivation offset:
                    var start = Edge(offset.Start, profile, cycle, resolved);
                    var end = offset.End is null ? start : Edge(offset.End, profile, cycle, resolved);
                    dates = Dates.Window(start, end, start.Uncertain || end.Uncertain ? Basis.Estimate : Basis.Typical);
                    break;
                case EstimateDerivation estimate:
                    var from = Edge(new DateReference(estimate.From, MomentEdge.Start, Period.Zero), profile, cycle, resolved);
                    var point = new Estimate(from.Median + estimate.Median, from.Earliest + estimate.P10, from.Latest + estimate.P90, true);
                    dates = Dates.Window(point, point, Basis.Estimate);
                    break;
                default:
                    throw new InvalidOperationException($"Moment '{definition.Kind}' has no election-cycle derivation.");
            }
        }
        resolved[index] = dates;
        return dates;
    }

    private Estimate Edge(DateReference reference, MunicipalityProfile profile, ElectionCycle cycle, Dates?[] resolved)
    {
        var target = Resolve(_electionIndex[reference.From], profile, cycle, resolved);
        var edge = reference.Edge == MomentEdge.Start ? target.StartEstimate : target.EndEstimate;
        return reference.Offset == Period.Zero
            ? edge
            : new Estimate(edge.Median + reference.Offset, edge.Earliest + reference.Offset, edge.Latest + reference.Offset, edge.Uncertain);
    }

    private void PlanYear(MunicipalityProfile profile, int year, DateInterval range, List<Moment> output)
    {
        foreach (var definition in _rules.YearlyMoments)
        {
            Dates dates;
            if (FindActual(profile, definition.Kind, year) is { } actual)
            {
                dates = Dates.Certain(actual.Dates, actual.Basis, actual.Source);
            }
            else if (definition.Derivation is LawDerivation law)
            {
                var computed = LawRules.Find(law.Rule)!.Compute(year);
                dates = Dates.Certain(computed.Dates, Basis.Law, computed.Source);
            }
            else
            {
                var yearly = (YearlyDerivation)definition.Derivation;
                dates = yearly.FollowSchoolHolidays && profile.Region is { } region && _rules.SummerHoliday(year, region) is { } holiday
                    ? Dates.Certain(holiday, Basis.Local, null)
                    : Dates.Certain(new DateInterval(yearly.Start.InYear(year), yearly.End.InYear(year)), Basis.Typical, null);
            }
            if (Overlaps(dates.Start, dates.End, range))
            {
                output.Add(ToMoment(profile.Code, definition, year, dates));
            }
        }
    }

    private static ActualDate? FindActual(MunicipalityProfile profile, string kind, int cycle)
    {
        foreach (var actual in profile.Actuals)
        {
            if (actual.Cycle == cycle && actual.Kind == kind)
            {
                return actual;
            }
        }
        return null;
    }

    private static Moment ToMoment(MunicipalityCode code, MomentDefinition definition, int cycle, Dates dates) =>
        new(new MomentKey(code, definition.Kind, cycle), definition, dates.Start, dates.End, dates.Basis,
            dates.Basis == Basis.Estimate ? dates.Range : null, dates.Source);

    private static readonly IReadOnlyList<string> AllAudiences = Audiences.All;

    private static Moment LocalMoment(MunicipalityCode code, LocalEvent local)
    {
        var text = new LocalizedText(local.Title, local.Title);
        var advice = new LocalizedText(local.Description ?? "", local.Description ?? "");
        var definition = new MomentDefinition(MomentKinds.LocalEvent, "local", text, advice, AllAudiences,
            new YearlyDerivation(new AnnualDate(1, 1), new AnnualDate(1, 1)), null, []);
        return new Moment(new MomentKey(code, MomentKinds.LocalEvent, local.Dates.Start.Year, local.Id), definition,
            local.Dates.Start, local.Dates.End, Basis.Local);
    }

    private int Compare(Moment a, Moment b)
    {
        var byStart = a.Start.CompareTo(b.Start);
        if (byStart != 0)
        {
            return byStart;
        }
        var byEnd = a.End.CompareTo(b.End);
        if (byEnd != 0)
        {
            return byEnd;
        }
        var byKind = _order.GetValueOrDefault(a.Kind, int.MaxValue).CompareTo(_order.GetValueOrDefault(b.Kind, int.MaxValue));
        return byKind != 0 ? byKind : string.CompareOrdinal(a.Key.ToString(), b.Key.ToString());
    }

    private static bool Overlaps(LocalDate start, LocalDate end, DateInterval range) => start <= range.End && end >= range.Start;

    /// <summary>A date with its plausible range; certain dates have all three equal.</summary>
    private readonly record struct Estimate(LocalDate Median, LocalDate Earliest, LocalDate Latest, bool Uncertain)
    {
        public static Estimate Certain(LocalDate date) => new(date, date, date, false);
    }

    /// <summary>A resolved moment during planning: start and end with their ranges, basis and source.</summary>
    private readonly record struct Dates(Estimate StartEstimate, Estimate EndEstimate, Basis Basis, string? Source)
    {
        public LocalDate Start => StartEstimate.Median;

        public LocalDate End => EndEstimate.Median;

        public DateInterval Range => new(
            LocalDate.Min(StartEstimate.Earliest, Start),
            LocalDate.Max(EndEstimate.Latest, End));

        public static Dates Certain(DateInterval dates, Basis basis, string? source) =>
            new(Estimate.Certain(dates.Start), Estimate.Certain(dates.End), basis, source);

        /// <summary>
        /// A window from two derived edges. When a real date pulls the end before the start (an agreement
        /// signed before the council was installed), the window shrinks to its end rather than turning negative.
        /// </summary>
        public static Dates Window(Estimate start, Estimate end, Basis basis) =>
            end.Median < start.Median ? new(end, end, basis, null) : new(start, end, basis, null);
    }
}
