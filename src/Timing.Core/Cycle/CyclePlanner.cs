using Timing.Core.Elections;
using Timing.Core.Nudges;

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
    private readonly IClock? _clock;

    /// <param name="clock">
    /// The one clock: with it, estimates whose expected date has passed become questions (see <see cref="AskIfPassed"/>);
    /// without it the plan does not depend on the day it is made.
    /// </param>
    public CyclePlanner(CycleRules rules, IClock? clock = null)
    {
        _rules = rules;
        _clock = clock;
        _electionIndex = rules.ElectionMoments.Select((m, i) => (m.Kind, i)).ToDictionary(x => x.Kind, x => x.i, StringComparer.Ordinal);
        _order = rules.Moments.Select((m, i) => (m.Kind, i)).ToDictionary(x => x.Kind, x => x.i, StringComparer.Ordinal);
    }

    public CycleRules Rules => _rules;

    /// <summary>
    /// The one moment a key names (a page's address, a stored nudge), or null when the plan has no such moment.
    /// A cycle's moments lie within a few years of its election year (programmes before, midterm after).
    /// </summary>
    public Moment? Find(MunicipalityProfile profile, MomentKey key)
    {
        var around = new DateInterval(new LocalDate(key.Cycle - 3, 1, 1), new LocalDate(key.Cycle + 3, 12, 31));
        return Plan(profile, around).Moments.FirstOrDefault(m => m.Key == key);
    }

    /// <summary>Every moment of the municipality that overlaps <paramref name="range"/>, in date order.</summary>
    public Timeline Plan(MunicipalityProfile profile, DateInterval range) => Plan(profile, range, _clock is null ? null : ProductTime.Today(_clock));

    /// <summary>
    /// Every moment as the rules and stored dates give it, whatever today is: no passed estimate is turned into a
    /// question. For what must not change with the calendar, such as the public feed, which changes only when a
    /// stored fact does.
    /// </summary>
    public Timeline PlanAsStored(MunicipalityProfile profile, DateInterval range) => Plan(profile, range, null);

    private Timeline Plan(MunicipalityProfile profile, DateInterval range, LocalDate? today)
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
        PlanArenas(profile.Code, range, moments);
        foreach (var local in profile.Events)
        {
            if (Overlaps(local.Dates.Start, local.Dates.End, range))
            {
                moments.Add(LocalMoment(profile.Code, local));
            }
        }
        moments.Sort(Compare);
        // A term begins in the year its council is installed: after a November merger election that is the merger year,
        // so the autumn before still belongs to the outgoing councils.
        var electionYears = ElectionCycles(profile, range.Start.Year - 6, range.End.Year + 6)
            .Select(c => c.IsNovemberMerger ? c.MergerDate!.Value.Year : c.ElectionDay.Year).ToArray();
        for (var i = 0; i < moments.Count; i++)
        {
            moments[i] = moments[i] with { TermYear = TermYearOf(moments[i].Start.Year, electionYears) };
        }
        if (today is { } day)
        {
            for (var i = 0; i < moments.Count; i++)
            {
                moments[i] = AskIfPassed(moments[i], day);
            }
            moments.Sort(Compare);
        }
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
        // The derived dates as such, not narrowed by today: a real date belongs to the cycle whose estimate it is nearest.
        var nearest = Plan(plain, range, null).Moments
            .Where(m => m.Kind == kind)
            .MinBy(m => Math.Abs(Period.DaysBetween(date, m.Start)));
        return nearest?.Cycle ?? date.Year;
    }

    /// <summary>The elections of the municipality held in <paramref name="firstYear"/> … <paramref name="lastYear"/>, in date order.</summary>
    public static IReadOnlyList<ElectionCycle> ElectionCycles(MunicipalityProfile profile, int firstYear, int lastYear)
    {
        var cycles = new List<ElectionCycle>();
        var merging = profile.MergerDate is { } day && MergerElections.HoldsMergerElection(day) ? profile.MergerDate : null;
        int? skipped = merging is { } merger ? MergerElections.SkippedRegularYear(merger) : null;
        // A spring merger (Weesp into Amsterdam, 24 March 2022) turns that year's regular election into the merger election.
        var spring = profile.MergerDate is { } other && MergerElections.CoincidesWithRegularElection(other) ? profile.MergerDate : null;
        for (var year = Kieswet.NextRegularYear(ElectionBody.MunicipalCouncil, firstYear); year <= lastYear; year += 4)
        {
            if (year == spring?.Year)
            {
                cycles.Add(ElectionCycle.Merger(spring.Value));
            }
            else if (year != skipped)
            {
                cycles.Add(ElectionCycle.Regular(year));
            }
        }
        if (merging is { } date && date.Year - 1 >= firstYear && date.Year - 1 <= lastYear)
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
            if (RefersToTermMiddle(definitions[i].For(cycle.IsNovemberMerger)) && TermMiddle(profile, cycle, resolved) is null)
            {
                // A council replaced within three years (by a merger) has no midterm to review.
                continue;
            }
            var dates = Resolve(i, profile, cycle, resolved);
            LocalizedText? note = null;
            if (definitions[i].Kind == MomentKinds.FirstBudget && LateCollege(profile, cycle, resolved, dates) is { } shifted)
            {
                (dates, note) = shifted;
            }
            else if (definitions[i].Kind == MomentKinds.Election && cycle.MergerDate is { } merger)
            {
                note = new LocalizedText(
                    $"Dit is de herindelingsverkiezing: gekozen wordt de raad van de gemeente die op {DateText.Long(merger, Language.Nl)} ontstaat.",
                    $"This is the merger election: it elects the council of the municipality formed on {DateText.Long(merger, Language.En)}.");
            }
            if (Overlaps(dates.Start, dates.End, range))
            {
                output.Add(ToMoment(profile.Code, definitions[i], cycle.Year, dates) with { Note = note });
            }
        }
    }

    private static bool RefersToTermMiddle(Derivation derivation) =>
        derivation is OffsetDerivation offset
        && (offset.Start.From == DateReference.TermMiddle || offset.End?.From == DateReference.TermMiddle);

    /// <summary>
    /// The middle of the term of the council this election chooses: halfway between its installation and the next
    /// council's. Null when that term is shorter than three years, as for a council that a merger ends early.
    /// </summary>
    private LocalDate? TermMiddle(MunicipalityProfile profile, ElectionCycle cycle, Dates?[] resolved)
    {
        var installed = Resolve(_electionIndex[MomentKinds.Installation], profile, cycle, resolved).Start;
        var next = ElectionCycles(profile, cycle.Year + 1, cycle.Year + 8).FirstOrDefault(c => c.ElectionDay > cycle.ElectionDay);
        if (next is null)
        {
            return null;
        }
        var ends = LawRules.Find(MomentKinds.Installation)!.Compute(next, _rules.Elections).Dates.Start;
        var days = Period.DaysBetween(installed, ends);
        return days < 3 * 365 ? null : installed.PlusDays(days / 2);
    }

    /// <summary>
    /// When the new college starts after about 1 September, the autumn budget is still mostly the civil service's and
    /// the outgoing college's; the new college's own money choices move to the next kadernota.
    /// </summary>
    private (Dates, LocalizedText)? LateCollege(MunicipalityProfile profile, ElectionCycle cycle, Dates?[] resolved, Dates dates)
    {
        var college = Resolve(_electionIndex[MomentKinds.CollegeAppointed], profile, cycle, resolved).Start;
        var cutoff = new LocalDate(dates.Start.Year, 9, 1);
        if (college < cutoff || college > dates.End || FindActual(profile, MomentKinds.FirstBudget, cycle.Year) is not null
            || _rules.Find(MomentKinds.FrameworkNote)?.Derivation is not YearlyDerivation note)
        {
            return null;
        }
        var year = dates.Start.Year + 1;
        var moved = Dates.Certain(new DateInterval(note.Start.InYear(year), note.End.InYear(year)), Basis.Estimate, null).OnWorkingDays();
        return (moved, new LocalizedText(
            $"Het college begint pas na 1 september; de begroting van dit najaar is nog grotendeels klaar voordat het er is. Zijn eigen keuzes over geld maakt het in de kadernota die in {year} wordt behandeld.",
            $"The college only starts after 1 September; this autumn's budget is largely finished before it exists. It makes its own choices about money in the framework note debated in {year}."));
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
            switch (definition.For(cycle.IsNovemberMerger))
            {
                case LawDerivation law:
                    var computed = LawRules.Find(law.Rule)!.Compute(cycle, _rules.Elections);
                    dates = Dates.Certain(computed.Dates, computed.Basis, computed.Source);
                    break;
                case OffsetDerivation { End: null } same when same.Start.Offset == Period.Zero && same.Start.From != DateReference.TermMiddle
                    && Resolve(_electionIndex[same.Start.From], profile, cycle, resolved) is { Basis: Basis.Law } statutory:
                    // A step taken in a statutory meeting rests on the same law (the merged council appoints its
                    // wethouders at its first meeting, Wet arhi art. 56).
                    dates = statutory;
                    break;
                case OffsetDerivation offset:
                    var start = Edge(offset.Start, profile, cycle, resolved);
                    var end = offset.End is null ? start : Edge(offset.End, profile, cycle, resolved);
                    dates = Dates.Window(start, end, start.Uncertain || end.Uncertain ? Basis.Estimate : Basis.Typical).OnWorkingDays();
                    break;
                case EstimateDerivation estimate:
                    var from = Edge(new DateReference(estimate.From, MomentEdge.Start, Period.Zero), profile, cycle, resolved);
                    // An estimated day is a day someone can meet on: never a weekend day or public holiday.
                    var point = new Estimate(
                        WorkingDays.OnOrAfter(from.Median + estimate.Median),
                        WorkingDays.OnOrAfter(from.Earliest + estimate.P10),
                        WorkingDays.OnOrAfter(from.Latest + estimate.P90),
                        true);
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
        Estimate edge;
        if (reference.From == DateReference.TermMiddle)
        {
            edge = Estimate.Certain(TermMiddle(profile, cycle, resolved)
                ?? throw new InvalidOperationException("The middle of a term shorter than three years is not a planning anchor."));
        }
        else
        {
            var target = Resolve(_electionIndex[reference.From], profile, cycle, resolved);
            edge = reference.Edge == MomentEdge.Start ? target.StartEstimate : target.EndEstimate;
        }
        return reference.Offset == Period.Zero
            ? edge
            : new Estimate(edge.Median + reference.Offset, edge.Earliest + reference.Offset, edge.Latest + reference.Offset, edge.Uncertain);
    }

    private void PlanYear(MunicipalityProfile profile, int year, DateInterval range, List<Moment> output)
    {
        foreach (var definition in _rules.YearlyMoments)
        {
            Dates dates;
            LocalizedText? note = null;
            if (FindActual(profile, definition.Kind, year) is { } actual)
            {
                dates = Dates.Certain(actual.Dates, actual.Basis, actual.Source);
            }
            else if (definition.Derivation is LawDerivation law)
            {
                var computed = LawRules.Find(law.Rule)!.Compute(year);
                dates = Dates.Certain(computed.Dates, computed.Basis, computed.Source);
                note = WeekendDeadline(definition.Kind, computed.Dates.End);
            }
            else
            {
                var yearly = (YearlyDerivation)definition.Derivation;
                var schoolRegion = profile.Region ?? _rules.SchoolRegionOf(profile.Code);
                dates = yearly.FollowSchoolHolidays && schoolRegion is { } region && _rules.SummerHoliday(year, region) is { } holiday
                    ? Dates.Certain(holiday, Basis.Local, null)
                    : Dates.Certain(new DateInterval(yearly.Start.InYear(year), yearly.End.InYear(year)), Basis.Typical, null).OnWorkingDays();
                if (dates.Basis == Basis.Typical && dates.Start == dates.End && !WorkingDays.IsWorkingDay(dates.Start))
                {
                    // A usual last day (a grant application, an accounting deadline) on a weekend is met the working day before.
                    var day = WorkingDays.OnOrBefore(dates.Start);
                    dates = Dates.Certain(new DateInterval(day, day), Basis.Typical, null);
                }
                if (yearly.Follows is { } anchor && FollowAnchor(profile, anchor, year, dates) is { } moved)
                {
                    (dates, note) = moved;
                }
                else if (yearly.FollowSchoolHolidays && dates.Basis == Basis.Typical)
                {
                    note = schoolRegion is { } known && year > _rules.LastSchoolHolidayYear(known)
                        ? new LocalizedText(
                            $"De schoolvakanties van {year} zijn nog niet bekend; dit is de gebruikelijke periode.",
                            $"The school holidays of {year} are not known yet; this is the usual period.")
                        : new LocalizedText(
                            "Kies de schoolregio van de gemeente voor de precieze weken; dit is de gebruikelijke periode.",
                            "Choose the municipality's school region for the exact weeks; this is the usual period.");
                }
            }
            if (Overlaps(dates.Start, dates.End, range))
            {
                output.Add(ToMoment(profile.Code, definition, year, dates) with { Note = note });
            }
        }
    }

    /// <summary>
    /// A step towards a yearly moment that has a real date (the council's kadernota vote): the step keeps its usual
    /// distance to that moment's last day, so a local date fixes the vote and the steps before it move along. A step
    /// that would land on a weekend or holiday moves to the working day before it.
    /// </summary>
    private (Dates, LocalizedText)? FollowAnchor(MunicipalityProfile profile, string anchor, int year, Dates usual)
    {
        if (FindActual(profile, anchor, year) is not { } actual || _rules.Find(anchor)?.Derivation is not YearlyDerivation anchorRule)
        {
            return null;
        }
        var usualEnd = WorkingDays.OnOrBefore(anchorRule.End.InYear(year));
        var shift = Period.DaysBetween(usualEnd, actual.Dates.End);
        if (shift == 0)
        {
            return null;
        }
        var start = WorkingDays.OnOrBefore(usual.Start.PlusDays(shift));
        var end = usual.Start == usual.End ? start : LocalDate.Max(start, WorkingDays.OnOrBefore(usual.End.PlusDays(shift)));
        var name = _rules.Moment(anchor);
        return (Dates.Certain(new DateInterval(start, end), Basis.Typical, null), new LocalizedText(
            $"Gerekend vanaf {name.NameIn(year, Language.Nl)} op {DateText.Long(actual.Dates.End, Language.Nl)}: deze stap schuift mee met die datum.",
            $"Counted from {name.NameIn(year, Language.En)} on {DateText.Long(actual.Dates.End, Language.En)}: this step moves with that date."));
    }

    /// <summary>
    /// A statutory last day on a weekend ("vóór 15 november" when the 14th is a Sunday): whether the Algemene
    /// termijnenwet stretches a fixed cap is arguable, so the note names the last working day before it too.
    /// </summary>
    private static LocalizedText? WeekendDeadline(string kind, LocalDate day)
    {
        if (!MomentKinds.Deadlines.Contains(kind) || day.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
        {
            return null;
        }
        var working = WorkingDays.OnOrBefore(day);
        return new LocalizedText(
            $"Deze dag valt in het weekend; de laatste werkdag ervoor is {DateText.Short(working, Language.Nl)}.",
            $"This day falls in a weekend; the last working day before it is {DateText.Short(working, Language.En)}.");
    }

    /// <summary>
    /// A municipality's own estimate whose expected date lies before <paramref name="today"/>, with no real date
    /// entered, no longer stands in the past: it narrows to what is still possible, today to its latest plausible
    /// day (p90), and is marked as a question. Only the past year is asked about: what was expected longer ago has
    /// surely happened, and earlier terms stay as they were planned. Other arenas' elections and anything with a real
    /// date are left alone. The term year stays that of the estimate, so its advice does not change with the calendar.
    /// </summary>
    public static Moment AskIfPassed(Moment moment, LocalDate today)
    {
        if (moment.Basis != Basis.Estimate || moment.End >= today || moment.End < today.PlusYears(-1)
            || moment.Key.LocalId is not null || moment.Definition.IsArena)
        {
            return moment;
        }
        var latest = LocalDate.Max(today, moment.Estimate?.End ?? moment.End);
        return new Moment(moment.Key, moment.Definition, today, latest, Basis.Estimate, new DateInterval(today, latest), moment.Source)
        {
            Note = moment.Note,
            TermYear = moment.TermYear,
            AwaitsDate = true,
        };
    }

    /// <summary>The place of <paramref name="year"/> in the term, given the years of the council elections around it.</summary>
    public static TermYear? TermYearOf(int year, IReadOnlyList<int> electionYears)
    {
        if (electionYears.Contains(year))
        {
            return TermYear.Election;
        }
        if (electionYears.Contains(year + 1))
        {
            return TermYear.BeforeElection;
        }
        if (electionYears.Contains(year - 1))
        {
            return TermYear.First;
        }
        return electionYears.Any(y => y < year) && electionYears.Any(y => y > year) ? TermYear.Midterm : null;
    }

    /// <summary>Other arenas' elections as context: provincial and water-board elections by law, others from the calendar.</summary>
    private void PlanArenas(MunicipalityCode code, DateInterval range, List<Moment> output)
    {
        foreach (var definition in _rules.ArenaMoments)
        {
            if (definition.Derivation is LawDerivation law)
            {
                var rule = LawRules.Find(law.Rule)!;
                for (var year = Kieswet.NextRegularYear(ElectionBody.ProvincialAndWaterBoards, range.Start.Year - 1); year <= range.End.Year; year += 4)
                {
                    var computed = rule.Compute(ElectionCycle.Provincial(year), _rules.Elections);
                    var dates = Dates.Certain(computed.Dates, computed.Basis, computed.Source);
                    dates = computed.Basis == Basis.Typical ? dates.OnWorkingDays() : dates;
                    if (Overlaps(dates.Start, dates.End, range))
                    {
                        output.Add(ToMoment(code, definition, year, dates));
                    }
                }
            }
            else if (definition.Derivation is CalendarDerivation calendar)
            {
                var known = _rules.Elections.OtherElections.Where(e => e.Body == calendar.Body).ToArray();
                foreach (var election in known.Where(e => Overlaps(e.Date, e.Date, range)))
                {
                    var key = new MomentKey(code, definition.Kind, election.Date.Year);
                    output.Add(election.Expected is { } expected
                        ? new Moment(key, definition, election.Date, election.Date, Basis.Estimate, expected)
                        : new Moment(key, definition, election.Date, election.Date, Basis.Law));
                }
                // The regular Tweede Kamer election follows from the last declared result; a later
                // dissolution is entered in the calendar and replaces it.
                if (calendar.Body == TweedeKamer.Body && known.LastOrDefault() is { ResultDeclared: { } declared })
                {
                    foreach (var (day, rule) in TweedeKamer.RegularElections(declared, range.End.Year).Where(e => Overlaps(e.ElectionDay, e.ElectionDay, range)))
                    {
                        output.Add(new Moment(new MomentKey(code, definition.Kind, day.Year), definition, day, day, Basis.Law, source: rule.Article)
                        {
                            Note = new LocalizedText(
                                "Volgt uit de Kieswet; valt het kabinet eerder, dan wordt de Kamer ontbonden en komt er een vervroegde verkiezing.",
                                "Follows from the Elections Act; if the cabinet falls earlier, the House is dissolved and an early election follows."),
                        });
                    }
                }
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

    private Moment LocalMoment(MunicipalityCode code, LocalEvent local)
    {
        var key = new MomentKey(code, local.Kind, local.Dates.Start.Year, local.Id);
        if (local.Kind != MomentKinds.LocalEvent && _rules.Find(local.Kind) is { } kind)
        {
            // An entered kind: its own names, advice and reminders; what the director typed is the note.
            var typed = string.Join(" — ", new[] { local.Title, local.Description }.Where(t => !string.IsNullOrWhiteSpace(t)));
            return new Moment(key, kind, local.Dates.Start, local.Dates.End, Basis.Local)
            {
                Note = typed.Length == 0 ? null : new LocalizedText(typed, typed),
            };
        }
        var text = new LocalizedText(local.Title, local.Title);
        var advice = new LocalizedText(local.Description ?? "", local.Description ?? "");
        var definition = new MomentDefinition(MomentKinds.LocalEvent, "local", text, advice, _rules.Audiences.Select(a => a.Id).ToArray(),
            new YearlyDerivation(new AnnualDate(1, 1), new AnnualDate(1, 1)), null, []);
        return new Moment(key with { Kind = MomentKinds.LocalEvent }, definition,
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

        /// <summary>
        /// A typical or estimated window shown as working days: a start on a weekend or public holiday moves to
        /// the next working day, an end to the previous one, so the window never promises a day nobody works.
        /// Points and windows too short to shift stay as they are.
        /// </summary>
        public Dates OnWorkingDays()
        {
            if (Start == End)
            {
                return this;
            }
            var start = WorkingDays.OnOrAfter(Start);
            var end = WorkingDays.OnOrBefore(End);
            return end < start
                ? this
                : this with { StartEstimate = StartEstimate with { Median = start }, EndEstimate = EndEstimate with { Median = end } };
        }
    }
}
