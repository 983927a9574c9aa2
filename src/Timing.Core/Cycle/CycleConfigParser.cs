using System.Text.Json.Nodes;
using Timing.Core.Elections;

namespace Timing.Core.Cycle;

/// <summary>The outcome of reading the configuration: the rules, or every problem found.</summary>
public sealed record ConfigResult(CycleRules? Rules, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Rules is not null && Problems.Count == 0;
}

/// <summary>
/// Reads config/cycle.json and config/elections.json from their text. Their JSON Schemas check the shape
/// (<see cref="RuleFile"/>); this class checks the meaning: known kinds and rules, references between moments, loops and
/// date order. It does not stop at the first problem: it reports all of them, each naming the file, the item and the field.
/// </summary>
public static class CycleConfigParser
{
    public const string CycleFile = "cycle.json";
    public const string ElectionsFile = "elections.json";

    private static readonly Dictionary<string, (string, string?)> CycleItems = new(StringComparer.Ordinal)
    {
        ["phases"] = ("phase", "id"),
        ["audiences"] = ("audience", "id"),
        ["moments"] = ("moment", "kind"),
        ["schoolSummerHolidays"] = ("school holiday", null),
        ["schoolRegions"] = ("school region", "id"),
    };

    private static readonly Dictionary<string, (string, string?)> ElectionItems = new(StringComparer.Ordinal)
    {
        ["exceptions"] = ("exception", null),
        ["otherElections"] = ("other election", null),
    };

    public static ConfigResult Parse(string cycleJson, string electionsJson)
    {
        var problems = new List<ConfigProblem>();
        var cycle = RuleFile.Read<CycleRecord>(CycleFile, cycleJson, CycleItems, problems, out var json);
        var elections = RuleFile.Read<ElectionsRecord>(ElectionsFile, electionsJson, ElectionItems, problems, out _);
        if (cycle is null || elections is null)
        {
            return new ConfigResult(null, problems);
        }
        var calendar = Elections(elections, new ConfigProblems(ElectionsFile, problems));
        var p = new ConfigProblems(CycleFile, problems);
        var phases = Unique(cycle.Phases, x => x.Id, "phase", p).Select(x => new PhaseDefinition(x.Id, x.Name, x.Colour)).ToList();
        var audiences = Unique(cycle.Audiences, x => x.Id, "audience", p);
        var regions = Unique(cycle.SchoolRegions ?? [], x => x.Id, "school region", p);
        // Ids as written, also of items the schema refused: a moment naming a phase with a wrong colour names a defined
        // phase, and a kind whose definition is broken is not missing as well.
        var written = new Written(Ids(json, "phases", "id"), Ids(json, "audiences", "id"), Ids(json, "moments", "kind"), Ids(json, "schoolRegions", "id"));
        var holidays = Holidays(cycle.SchoolSummerHolidays ?? [], written.Regions, p);
        var moments = Moments(cycle.Moments, written, p);
        CheckReferences(moments, written.Kinds, p);
        return problems.Count > 0
            ? new ConfigResult(null, problems)
            : new ConfigResult(new CycleRules(phases, audiences, moments, calendar, regions.Select(r => new SchoolRegionDefinition(r.Id, r.Name)).ToArray(),
                holidays, RegionOf(regions, p)), problems);
    }

    /// <summary>The ids each list defines as written, so that references are checked against what the author meant.</summary>
    private sealed record Written(HashSet<string> Phases, HashSet<string> Audiences, HashSet<string> Kinds, HashSet<string> Regions);

    /// <summary>The items of a list with an id not seen before; each repeat is a problem.</summary>
    private static List<T> Unique<T>(IEnumerable<T> items, Func<T, string> id, string noun, ConfigProblems p)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<T>();
        foreach (var item in items)
        {
            if (seen.Add(id(item)))
            {
                unique.Add(item);
            }
            else
            {
                p.Add($"{noun} '{id(item)}'", noun == "moment" ? "kind" : "id", $"is defined twice; each {noun} {(noun == "moment" ? "kind" : "id")} must be unique.");
            }
        }
        return unique;
    }

    /// <summary>The school region of each municipality that a region lists; a code may be in one region only.</summary>
    private static Dictionary<MunicipalityCode, string> RegionOf(IEnumerable<SchoolRegionRecord> regions, ConfigProblems p)
    {
        var regionOf = new Dictionary<MunicipalityCode, string>();
        foreach (var region in regions)
        {
            foreach (var code in region.Municipalities.Select(MunicipalityCode.Parse).Where(code => !regionOf.TryAdd(code, region.Id)))
            {
                p.Add($"school region '{region.Id}'", "municipalities", $"{code} is listed in more than one region.");
            }
        }
        return regionOf;
    }

    private static Dictionary<(int, string), DateInterval> Holidays(HolidayRecord[] records, HashSet<string> regions, ConfigProblems p)
    {
        var holidays = new Dictionary<(int, string), DateInterval>();
        foreach (var (holiday, index) in records.Select((h, i) => (h, i + 1)))
        {
            var label = $"school holiday #{index}";
            if (!regions.Contains(holiday.Region))
            {
                p.Add(label, "region", $"'{holiday.Region}' is not a school region; defined regions: {string.Join(", ", regions)}.");
            }
            else if (p.Interval(holiday.Start, holiday.End, label) is { } dates && !holidays.TryAdd((dates.Start.Year, holiday.Region), dates))
            {
                p.Add(label, "start", $"region {holiday.Region} already has a summer holiday in {dates.Start.Year}.");
            }
        }
        return holidays;
    }

    private static HashSet<string> Ids(JsonNode? root, string list, string id) =>
        (root?[list] as JsonArray ?? []).Select(e => e is JsonObject o && o[id] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static List<MomentDefinition> Moments(MomentRecord[] records, Written written, ConfigProblems p)
    {
        var moments = new List<MomentDefinition>();
        foreach (var m in Unique(records, m => m.Kind, "moment", p))
        {
            var label = $"moment '{m.Kind}'";
            var before = p.Count;
            if (!written.Phases.Contains(m.Phase))
            {
                p.Add(label, "phase", $"'{m.Phase}' is not one of the phases defined at the top of the file.");
            }
            foreach (var audience in m.Audiences.Where(a => !written.Audiences.Contains(a)))
            {
                p.Add(label, "audiences", $"'{audience}' is not an audience; known audiences: {string.Join(", ", written.Audiences)}.");
            }
            var derivation = Derivation(m, label, "", p);
            var merger = m.Merger is null ? null : Derivation(m.Merger, label, "merger.", p);
            var nudges = m.Nudges.Select((n, i) => Nudge(n, label, $"nudges[{i + 1}].", p)).ToArray();
            if (m.BudgetYear is not null && !(m.Name.Nl.Contains(MomentDefinition.YearPlaceholder, StringComparison.Ordinal)
                && m.Name.En.Contains(MomentDefinition.YearPlaceholder, StringComparison.Ordinal)))
            {
                p.Add(label, "name", $"must contain {MomentDefinition.YearPlaceholder} in both languages where the budget year goes.");
            }
            if (p.Count == before && derivation is not null)
            {
                moments.Add(new MomentDefinition(m.Kind, m.Phase, m.Name, m.Advice, m.Audiences, derivation, merger, nudges.OfType<NudgeLead>().ToArray(), m.AdviceByTermYear,
                    m.Action, m.Bring, m.BringByTermYear, m.BudgetYear, m.ShortName));
            }
        }
        foreach (var missing in MomentKinds.Named.Where(k => !written.Kinds.Contains(k)))
        {
            p.Add($"moment '{missing}'", "", "is missing; the program names this kind, so the file must define it.");
        }
        return moments;
    }

    private static NudgeLead? Nudge(NudgeRecord nudge, string label, string field, ConfigProblems p)
    {
        var lead = p.Period(nudge.Lead, label, field + "lead");
        if (lead is not null && ConfigProblems.Anchor + lead < ConfigProblems.Anchor)
        {
            p.Add(label, field + "lead", $"'{lead}' is negative; a lead is how long before the {(nudge.Before == MomentEdge.Start ? "start" : "end")}, e.g. P14D (or P0D for the day itself).");
            return null;
        }
        return lead is null ? null : new NudgeLead(nudge.Before, lead);
    }

    /// <summary>The one derivation the schema let through, with its periods and dates read and put in order.</summary>
    private static Derivation? Derivation(DerivationRecord d, string label, string prefix, ConfigProblems p)
    {
        if (d.Law is { } rule)
        {
            if (LawRules.Find(rule) is null)
            {
                p.Add(label, prefix + "law", $"'{rule}' is not a law rule; known rules: {string.Join(", ", LawRules.All.Select(x => x.Id))}.");
                return null;
            }
            return new LawDerivation(rule);
        }
        if (d.Entered)
        {
            return new EnteredDerivation();
        }
        if (d.Calendar is { } body)
        {
            return new CalendarDerivation(body);
        }
        if (d.Start is { } startRecord)
        {
            var start = Reference(startRecord, label, prefix + "start", p);
            var end = d.End is null ? null : Reference(d.End, label, prefix + "end", p);
            return start is null || (d.End is not null && end is null) ? null : new OffsetDerivation(start, end);
        }
        if (d.Estimate is { } e)
        {
            var field = prefix + "estimate";
            var (p10, median, p90) = (p.Period(e.P10, label, field + ".p10"), p.Period(e.Median, label, field + ".median"), p.Period(e.P90, label, field + ".p90"));
            if (p10 is null || median is null || p90 is null)
            {
                return null;
            }
            if (ConfigProblems.Anchor + p10 > ConfigProblems.Anchor + median || ConfigProblems.Anchor + median > ConfigProblems.Anchor + p90)
            {
                p.Add(label, field, $"needs p10 ≤ median ≤ p90 (got {p10}, {median}, {p90}).");
                return null;
            }
            return new EstimateDerivation(e.From, p10, median, p90);
        }
        var yearly = d.Yearly!;
        var first = p.AnnualDate(yearly.Start, label, prefix + "yearly.start");
        var last = p.AnnualDate(yearly.End, label, prefix + "yearly.end");
        if (first is null || last is null)
        {
            return null;
        }
        if (last.Value.CompareTo(first.Value) < 0)
        {
            p.Add(label, prefix + "yearly.end", $"--{last:MM-dd} is before the start --{first:MM-dd}; a yearly window must not cross New Year.");
            return null;
        }
        return new YearlyDerivation(first.Value, last.Value, yearly.FollowSchoolHolidays, yearly.Follows);
    }

    private static DateReference? Reference(ReferenceRecord r, string label, string field, ConfigProblems p)
    {
        var offset = r.Offset is null ? Period.Zero : p.Period(r.Offset, label, field + ".offset");
        return offset is null ? null : new DateReference(r.From, r.Edge, offset);
    }

    /// <summary>Checks that every "from" names a moment of the same cycle and that no moment depends on itself.</summary>
    private static void CheckReferences(List<MomentDefinition> moments, HashSet<string> kinds, ConfigProblems p)
    {
        var byKind = moments.ToDictionary(m => m.Kind, StringComparer.Ordinal);
        foreach (var merger in new[] { false, true })
        {
            var prefix = merger ? "merger." : "";
            foreach (var moment in moments.Where(m => !merger || m.MergerDerivation is not null))
            {
                foreach (var (from, field) in References(moment.For(merger)).Where(x => x.From != DateReference.TermMiddle))
                {
                    if (!byKind.TryGetValue(from, out var target))
                    {
                        p.Add($"moment '{moment.Kind}'", prefix + field,
                            kinds.Contains(from) ? $"refers to '{from}', which has no valid definition." : $"'{from}' is not a moment kind to derive from.");
                    }
                    else if (target.IsYearly || moment.IsYearly || target.IsArena || moment.IsArena || target.IsEntered)
                    {
                        p.Add($"moment '{moment.Kind}'", prefix + field,
                            $"refers to '{from}'; derivations may only refer to moments of the same election cycle, not yearly ones or other arenas.");
                    }
                }
            }
            foreach (var moment in moments.Where(m => !merger && m.Derivation is YearlyDerivation { Follows: not null }))
            {
                var follows = ((YearlyDerivation)moment.Derivation).Follows!;
                if (!byKind.TryGetValue(follows, out var anchor) || anchor.Derivation is not YearlyDerivation { Follows: null })
                {
                    p.Add($"moment '{moment.Kind}'", "yearly.follows",
                        $"refers to '{follows}'; a step may only follow a yearly moment with its own dates.");
                }
            }
            foreach (var moment in moments)
            {
                var path = new List<string>();
                if (FindLoop(moment.Kind, byKind, merger, path))
                {
                    p.Add($"moment '{moment.Kind}'", merger ? "merger" : "start", $"depends on itself: {string.Join(" → ", path)}.");
                    return;
                }
            }
        }
    }

    private static bool FindLoop(string kind, Dictionary<string, MomentDefinition> byKind, bool merger, List<string> path)
    {
        if (path.Contains(kind))
        {
            path.Add(kind);
            return true;
        }
        if (!byKind.TryGetValue(kind, out var moment))
        {
            return false;
        }
        path.Add(kind);
        if (References(moment.For(merger)).Any(r => FindLoop(r.From, byKind, merger, path)))
        {
            return true;
        }
        path.RemoveAt(path.Count - 1);
        return false;
    }

    private static IEnumerable<(string From, string Field)> References(Derivation derivation) => derivation switch
    {
        OffsetDerivation { End: { } end } offset => [(offset.Start.From, "start.from"), (end.From, "end.from")],
        OffsetDerivation offset => [(offset.Start.From, "start.from")],
        EstimateDerivation estimate => [(estimate.From, "estimate.from")],
        _ => [],
    };

    private static ElectionCalendar Elections(ElectionsRecord file, ConfigProblems p)
    {
        var exceptions = new List<StatutoryException>();
        foreach (var (e, index) in file.Exceptions.Select((e, i) => (e, i + 1)))
        {
            var label = $"exception #{index}";
            var body = e.Body == "gemeenteraad" ? ElectionBody.MunicipalCouncil : ElectionBody.ProvincialAndWaterBoards;
            var dates = p.Interval(e.Start, e.End, label);
            if (LawRules.Find(e.Kind) is not { Scope: LawScope.Election or LawScope.Provincial })
            {
                p.Add(label, "kind", $"'{e.Kind}' is not a statutory election moment; exceptions apply to: {string.Join(", ", LawRules.All.Where(x => x.Scope is LawScope.Election or LawScope.Provincial).Select(x => x.Id))}.");
            }
            else if (!Kieswet.IsRegularYear(body, e.Year))
            {
                p.Add(label, "year", $"{e.Year} is not a regular election year of the {e.Body}.");
            }
            else if (dates is not null)
            {
                exceptions.Add(new StatutoryException(body, e.Year, e.Kind, dates, e.Source));
            }
        }
        var others = new List<KnownElection>();
        foreach (var (o, index) in file.OtherElections.Select((o, i) => (o, i + 1)))
        {
            var label = $"other election #{index}";
            var date = p.Date(o.Date, label, "date");
            var expected = o.Expected is null ? null : p.Interval(o.Expected.Earliest, o.Expected.Latest, label, "expected.earliest", "expected.latest");
            var declared = o.ResultDeclared is null ? null : p.Date(o.ResultDeclared, label, "resultDeclared");
            if (date is null)
            {
                continue;
            }
            if (expected is not null && !expected.Contains(date.Value))
            {
                p.Add(label, "expected", $"the expected period {expected.Start:yyyy-MM-dd} – {expected.End:yyyy-MM-dd} must contain the date {date:yyyy-MM-dd}.");
            }
            if (declared < date)
            {
                p.Add(label, "resultDeclared", $"the result ({declared:yyyy-MM-dd}) cannot be declared before election day {date:yyyy-MM-dd}.");
            }
            others.Add(new KnownElection(o.Body, date.Value, o.Name.Nl, o.Name.En, expected, declared));
        }
        return new ElectionCalendar(exceptions, others.OrderBy(o => o.Date).ToArray());
    }
}
