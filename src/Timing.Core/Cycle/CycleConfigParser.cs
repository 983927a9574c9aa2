using System.Text.Json;
using NodaTime.Text;
using Timing.Core.Elections;

namespace Timing.Core.Cycle;

/// <summary>The outcome of reading the configuration: the rules, or every problem found.</summary>
public sealed record ConfigResult(CycleRules? Rules, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Rules is not null && Problems.Count == 0;
}

/// <summary>
/// Reads config/cycle.json and config/elections.json from their text. It does not stop at the first
/// problem: it reports all of them, each naming the file, the item and the field.
/// </summary>
public static class CycleConfigParser
{
    public const string CycleFile = "cycle.json";
    public const string ElectionsFile = "elections.json";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ConfigResult Parse(string cycleJson, string electionsJson)
    {
        try
        {
            return ParseChecked(cycleJson, electionsJson);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or OverflowException or KeyNotFoundException or FormatException)
        {
            // Every shape the files can take should be reported precisely above; this is the last guard so a
            // malformed file is a reported problem at start-up, never a crash.
            return new ConfigResult(null, [new ConfigProblem(CycleFile, "the file", "", $"could not be read: {e.Message}")]);
        }
    }

    private static ConfigResult ParseChecked(string cycleJson, string electionsJson)
    {
        var problems = new List<ConfigProblem>();
        var calendar = ParseElections(electionsJson, problems);
        var cycle = new Reader(CycleFile, problems);
        using var document = cycle.Open(cycleJson);
        if (document is null)
        {
            return new ConfigResult(null, problems);
        }
        var root = document.RootElement;
        var phases = ParsePhases(cycle, root, out var phaseIds);
        var holidays = ParseHolidays(cycle, root);
        var regions = ParseSchoolRegions(cycle, root);
        var moments = ParseMoments(cycle, root, phaseIds);
        CheckReferences(cycle, moments);
        if (problems.Count > 0 || calendar is null)
        {
            return new ConfigResult(null, problems);
        }
        return new ConfigResult(new CycleRules(phases, moments, calendar, holidays, regions), problems);
    }

    /// <summary>A hexadecimal colour, #rgb or #rrggbb: the only form pages and pictures accept.</summary>
    public static bool IsColour(string text) =>
        text.Length is 4 or 7 && text[0] == '#' && text.Skip(1).All(char.IsAsciiHexDigit);

    /// <summary>
    /// The phases that are complete, and in <paramref name="ids"/> every phase id the file defines, complete or not:
    /// a moment that names a phase with a wrong colour names a defined phase, so only the colour is reported.
    /// </summary>
    private static List<PhaseDefinition> ParsePhases(Reader r, JsonElement root, out HashSet<string> ids)
    {
        var phases = new List<PhaseDefinition>();
        ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in r.Array(root, "phases", "the file"))
        {
            index++;
            if (!r.IsObject(item, $"phase #{index}"))
            {
                continue;
            }
            var id = r.String(item, "id", $"phase #{index}");
            var duplicate = id is not null && !ids.Add(id);
            var name = id is null ? null : r.Text(item, "name", $"phase '{id}'");
            var colour = id is null ? null : r.String(item, "colour", $"phase '{id}'");
            if (colour is not null && !IsColour(colour))
            {
                r.Problem($"phase '{id}'", "colour", $"'{colour}' is not a colour; expected #rrggbb (or #rgb), e.g. #1d5fa8.");
                colour = null;
            }
            if (duplicate)
            {
                r.Problem($"phase '{id}'", "id", "is defined twice; each phase id must be unique.");
            }
            else if (id is not null && name is not null && colour is not null)
            {
                phases.Add(new PhaseDefinition(id, name, colour));
            }
        }
        return phases;
    }

    /// <summary>The optional "schoolRegions" object: the CBS codes of the municipalities in each school holiday region.</summary>
    private static Dictionary<MunicipalityCode, SchoolRegion> ParseSchoolRegions(Reader r, JsonElement root)
    {
        var regions = new Dictionary<MunicipalityCode, SchoolRegion>();
        if (!root.TryGetProperty("schoolRegions", out var element))
        {
            return regions;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            r.Problem("the file", "schoolRegions", "must be an object with lists of CBS codes under noord, midden and zuid.");
            return regions;
        }
        foreach (var property in element.EnumerateObject())
        {
            SchoolRegion? region = property.Name switch
            {
                "noord" => SchoolRegion.Noord,
                "midden" => SchoolRegion.Midden,
                "zuid" => SchoolRegion.Zuid,
                _ => r.Fail<SchoolRegion?>("the file", $"schoolRegions.{property.Name}", "is not a school region; use noord, midden or zuid."),
            };
            foreach (var item in r.Array(element, property.Name, $"schoolRegions.{property.Name}"))
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (!MunicipalityCode.TryParse(text, out var code))
                {
                    r.Problem("the file", $"schoolRegions.{property.Name}", $"'{item}' is not a CBS code such as GM0344.");
                }
                else if (region is { } known && !regions.TryAdd(code.Value, known))
                {
                    r.Problem("the file", $"schoolRegions.{property.Name}", $"{code} is listed in more than one region.");
                }
            }
        }
        return regions;
    }

    private static Dictionary<(int, SchoolRegion), DateInterval> ParseHolidays(Reader r, JsonElement root)
    {
        var holidays = new Dictionary<(int, SchoolRegion), DateInterval>();
        if (!root.TryGetProperty("schoolSummerHolidays", out _))
        {
            return holidays;
        }
        var index = 0;
        foreach (var item in r.Array(root, "schoolSummerHolidays", "the file"))
        {
            index++;
            var label = $"school holiday #{index}";
            var regionText = r.String(item, "region", label);
            SchoolRegion? region = regionText switch
            {
                null => null,
                "noord" => SchoolRegion.Noord,
                "midden" => SchoolRegion.Midden,
                "zuid" => SchoolRegion.Zuid,
                _ => r.Fail<SchoolRegion?>(label, "region", $"'{regionText}' is not a school region; use noord, midden or zuid."),
            };
            var dates = r.Interval(item, label);
            if (region is { } known && dates is not null && !holidays.TryAdd((dates.Start.Year, known), dates))
            {
                r.Problem(label, "start", $"region {regionText} already has a summer holiday in {dates.Start.Year}.");
            }
        }
        return holidays;
    }

    private static List<MomentDefinition> ParseMoments(Reader r, JsonElement root, HashSet<string> phaseIds)
    {
        var moments = new List<MomentDefinition>();
        var index = 0;
        foreach (var item in r.Array(root, "moments", "the file"))
        {
            index++;
            if (!r.IsObject(item, $"moment #{index}"))
            {
                continue;
            }
            var kind = r.String(item, "kind", $"moment #{index}");
            if (kind is null)
            {
                continue;
            }
            var label = $"moment '{kind}'";
            if (!MomentKinds.IsKnown(kind))
            {
                r.Problem(label, "kind", $"is not a canonical moment kind; known kinds: {string.Join(", ", MomentKinds.All)}.");
                continue;
            }
            if (moments.Any(m => m.Kind == kind))
            {
                r.Problem(label, "kind", "is defined twice; each kind must appear once.");
                continue;
            }
            var phase = r.String(item, "phase", label);
            if (phase is not null && !phaseIds.Contains(phase))
            {
                r.Problem(label, "phase", $"'{phase}' is not one of the phases defined at the top of the file.");
            }
            var name = r.Text(item, "name", label);
            var advice = r.Text(item, "advice", label);
            var audiences = ParseAudiences(r, item, label);
            var derivation = ParseDerivation(r, item, label, "");
            Derivation? merger = null;
            if (item.TryGetProperty("merger", out var mergerElement) && r.IsObject(mergerElement, label, "merger"))
            {
                merger = ParseDerivation(r, mergerElement, label, "merger.");
            }
            var nudges = ParseNudges(r, item, label);
            var byYear = ParseByTermYear(r, item, label, "adviceByTermYear");
            var bringByYear = ParseByTermYear(r, item, label, "bringByTermYear");
            var action = item.TryGetProperty("action", out _) ? r.Text(item, "action", label) : null;
            var actionOk = action is not null || !item.TryGetProperty("action", out _);
            var bring = item.TryGetProperty("bring", out _) ? r.Text(item, "bring", label) : null;
            var bringOk = bring is not null || !item.TryGetProperty("bring", out _);
            var budgetYear = ParseBudgetYear(r, item, label, name);
            if (phase is not null && name is not null && advice is not null && audiences is not null && derivation is not null && nudges is not null
                && byYear is not null && bringByYear is not null && actionOk && bringOk && budgetYear.Ok)
            {
                moments.Add(new MomentDefinition(kind, phase, name, advice, audiences, derivation, merger, nudges, byYear.Count == 0 ? null : byYear, action,
                    bring, bringByYear.Count == 0 ? null : bringByYear, budgetYear.Offset));
            }
        }
        foreach (var missing in MomentKinds.All.Where(k => moments.All(m => m.Kind != k)).Where(k => !r.Mentioned(k)))
        {
            r.Problem($"moment '{missing}'", "", "is missing; every canonical moment kind needs a definition.");
        }
        return moments;
    }

    private static readonly Dictionary<string, TermYear> TermYears = new(StringComparer.Ordinal)
    {
        ["election"] = TermYear.Election,
        ["first"] = TermYear.First,
        ["midterm"] = TermYear.Midterm,
        ["before-election"] = TermYear.BeforeElection,
    };

    /// <summary>
    /// The optional "budgetYear" offset: the name then holds {year}, filled with the budget year the document concerns
    /// (+1 for the kadernota and the budget, −1 for the accounts).
    /// </summary>
    private static (bool Ok, int? Offset) ParseBudgetYear(Reader r, JsonElement item, string label, LocalizedText? name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("budgetYear", out _))
        {
            return (true, null);
        }
        var offset = r.Int(item, "budgetYear", label);
        if (offset is not (>= -1 and <= 1))
        {
            r.Problem(label, "budgetYear", "must be -1, 0 or 1: the budget year the document concerns, relative to the year it is debated.");
            return (false, null);
        }
        if (name is not null && (!name.Nl.Contains(MomentDefinition.YearPlaceholder, StringComparison.Ordinal) || !name.En.Contains(MomentDefinition.YearPlaceholder, StringComparison.Ordinal)))
        {
            r.Problem(label, "name", $"must contain {MomentDefinition.YearPlaceholder} in both languages where the budget year goes.");
            return (false, null);
        }
        return (true, offset);
    }

    /// <summary>An optional object of texts keyed election, first, midterm or before-election (advice or what to bring).</summary>
    private static Dictionary<TermYear, LocalizedText>? ParseByTermYear(Reader r, JsonElement item, string label, string field)
    {
        var variants = new Dictionary<TermYear, LocalizedText>();
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(field, out var element))
        {
            return variants;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            r.Problem(label, field, "must be an object with texts for election, first, midterm and/or before-election.");
            return null;
        }
        var ok = true;
        foreach (var property in element.EnumerateObject())
        {
            if (!TermYears.TryGetValue(property.Name, out var year))
            {
                r.Problem(label, $"{field}.{property.Name}", $"is not a year of the term; use {string.Join(", ", TermYears.Keys)}.");
                ok = false;
                continue;
            }
            var text = r.Text(element, property.Name, label, field + ".");
            if (text is null)
            {
                ok = false;
                continue;
            }
            variants[year] = text;
        }
        return ok ? variants : null;
    }

    private static string[]? ParseAudiences(Reader r, JsonElement item, string label)
    {
        var audiences = new List<string>();
        var ok = true;
        foreach (var element in r.Array(item, "audiences", label))
        {
            var audience = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
            if (audience is null || !Audiences.IsKnown(audience))
            {
                r.Problem(label, "audiences", $"'{element}' is not an audience; known audiences: {string.Join(", ", Audiences.All)}.");
                ok = false;
            }
            else
            {
                audiences.Add(audience);
            }
        }
        if (ok && audiences.Count == 0)
        {
            r.Problem(label, "audiences", "is empty; name at least one audience to approach.");
        }
        return ok && audiences.Count > 0 ? audiences.ToArray() : null;
    }

    private static Derivation? ParseDerivation(Reader r, JsonElement item, string label, string prefix)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var forms = new[] { "law", "start", "estimate", "yearly", "calendar", "entered" }.Where(f => item.TryGetProperty(f, out _)).ToArray();
        if (forms.Length != 1)
        {
            r.Problem(label, prefix + "law|start|estimate|yearly|calendar|entered",
                forms.Length == 0
                    ? "says nowhere how the date is derived; give exactly one of law, start (with end for a window), estimate, yearly, calendar or entered."
                    : $"gives more than one derivation ({string.Join(", ", forms)}); keep exactly one.");
            return null;
        }
        switch (forms[0])
        {
            case "law":
                var rule = r.String(item, "law", label, prefix);
                if (rule is not null && LawRules.Find(rule) is null)
                {
                    r.Problem(label, prefix + "law", $"'{rule}' is not a law rule; known rules: {string.Join(", ", LawRules.All.Select(x => x.Id))}.");
                    return null;
                }
                return rule is null ? null : new LawDerivation(rule);
            case "entered":
                if (!MomentKinds.Entered.Contains(label[8..^1], StringComparer.Ordinal))
                {
                    r.Problem(label, prefix + "entered", $"only these kinds are entered by directors: {string.Join(", ", MomentKinds.Entered)}.");
                    return null;
                }
                return new EnteredDerivation();
            case "calendar":
                var body = r.String(item, "calendar", label, prefix);
                return body is null ? null : new CalendarDerivation(body);
            case "start":
                var start = ParseReference(r, item.GetProperty("start"), label, prefix + "start");
                DateReference? end = null;
                if (item.TryGetProperty("end", out var endElement))
                {
                    end = ParseReference(r, endElement, label, prefix + "end");
                    if (end is null)
                    {
                        return null;
                    }
                }
                return start is null ? null : new OffsetDerivation(start, end);
            case "estimate":
                var estimate = item.GetProperty("estimate");
                if (!r.IsObject(estimate, label, prefix + "estimate"))
                {
                    return null;
                }
                var from = r.String(estimate, "from", label, prefix + "estimate.");
                var p10 = r.Period(estimate, "p10", label, prefix + "estimate.");
                var median = r.Period(estimate, "median", label, prefix + "estimate.");
                var p90 = r.Period(estimate, "p90", label, prefix + "estimate.");
                if (from is null || p10 is null || median is null || p90 is null)
                {
                    return null;
                }
                var reference = new LocalDate(2026, 3, 18);
                if (reference + p10 > reference + median || reference + median > reference + p90)
                {
                    r.Problem(label, prefix + "estimate", $"needs p10 ≤ median ≤ p90 (got {p10}, {median}, {p90}).");
                    return null;
                }
                return new EstimateDerivation(from, p10, median, p90);
            default:
                var yearly = item.GetProperty("yearly");
                if (!r.IsObject(yearly, label, prefix + "yearly"))
                {
                    return null;
                }
                var first = r.AnnualDate(yearly, "start", label, prefix + "yearly.");
                var last = r.AnnualDate(yearly, "end", label, prefix + "yearly.");
                var follow = yearly.TryGetProperty("followSchoolHolidays", out var f) && f.ValueKind == JsonValueKind.True;
                if (first is null || last is null)
                {
                    return null;
                }
                if (last.Value.CompareTo(first.Value) < 0)
                {
                    r.Problem(label, prefix + "yearly.end", $"--{last:MM-dd} is before the start --{first:MM-dd}; a yearly window must not cross New Year.");
                    return null;
                }
                var follows = yearly.TryGetProperty("follows", out _) ? r.String(yearly, "follows", label, prefix + "yearly.") : null;
                return new YearlyDerivation(first.Value, last.Value, follow, follows);
        }
    }

    private static DateReference? ParseReference(Reader r, JsonElement element, string label, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            r.Problem(label, field, "must be an object such as {\"from\": \"election\", \"offset\": \"P-6M\"}.");
            return null;
        }
        var from = r.String(element, "from", label, field + ".");
        var offset = element.TryGetProperty("offset", out _) ? r.Period(element, "offset", label, field + ".") : Period.Zero;
        var edgeText = element.TryGetProperty("edge", out var e) ? (e.ValueKind == JsonValueKind.String ? e.GetString() : e.ToString()) : "start";
        MomentEdge? edge = edgeText switch
        {
            "start" => MomentEdge.Start,
            "end" => MomentEdge.End,
            _ => r.Fail<MomentEdge?>(label, field + ".edge", $"'{edgeText}' is not an edge; use start or end."),
        };
        return from is null || offset is null || edge is null ? null : new DateReference(from, edge.Value, offset);
    }

    private static NudgeLead[]? ParseNudges(Reader r, JsonElement item, string label)
    {
        var leads = new List<NudgeLead>();
        var ok = true;
        var index = 0;
        foreach (var element in r.Array(item, "nudges", label))
        {
            index++;
            var field = $"nudges[{index}].";
            var edgeText = r.String(element, "before", label, field);
            MomentEdge? edge = edgeText switch
            {
                null => null,
                "start" => MomentEdge.Start,
                "end" => MomentEdge.End,
                _ => r.Fail<MomentEdge?>(label, field + "before", $"'{edgeText}' is not an edge; use start or end."),
            };
            var lead = r.Period(element, "lead", label, field);
            if (lead is not null && new LocalDate(2026, 1, 1) + lead < new LocalDate(2026, 1, 1))
            {
                r.Problem(label, field + "lead", $"'{lead}' is negative; a lead is how long before the {edgeText}, e.g. P14D (or P0D for the day itself).");
                lead = null;
            }
            if (edge is null || lead is null)
            {
                ok = false;
                continue;
            }
            leads.Add(new NudgeLead(edge.Value, lead));
        }
        return ok ? leads.ToArray() : null;
    }

    /// <summary>Checks that every "from" names a moment of the same cycle and that no moment depends on itself.</summary>
    private static void CheckReferences(Reader r, List<MomentDefinition> moments)
    {
        var byKind = moments.ToDictionary(m => m.Kind, StringComparer.Ordinal);
        foreach (var merger in new[] { false, true })
        {
            foreach (var moment in moments)
            {
                var derivation = moment.For(merger);
                if (merger && ReferenceEquals(derivation, moment.Derivation))
                {
                    continue;
                }
                foreach (var (from, field) in References(derivation).Where(x => x.From != DateReference.TermMiddle))
                {
                    var prefix = merger ? "merger." : "";
                    if (!byKind.TryGetValue(from, out var target))
                    {
                        r.Problem($"moment '{moment.Kind}'", prefix + field,
                            MomentKinds.IsKnown(from)
                                ? $"refers to '{from}', which has no valid definition."
                                : $"'{from}' is not a moment kind to derive from.");
                    }
                    else if (target.IsYearly || moment.IsYearly || target.IsArena || moment.IsArena || target.IsEntered)
                    {
                        r.Problem($"moment '{moment.Kind}'", prefix + field,
                            $"refers to '{from}'; derivations may only refer to moments of the same election cycle, not yearly ones or other arenas.");
                    }
                }
            }
            foreach (var moment in moments.Where(m => !merger && m.Derivation is YearlyDerivation { Follows: not null }))
            {
                var follows = ((YearlyDerivation)moment.Derivation).Follows!;
                if (!byKind.TryGetValue(follows, out var anchor) || anchor.Derivation is not YearlyDerivation { Follows: null })
                {
                    r.Problem($"moment '{moment.Kind}'", "yearly.follows",
                        $"refers to '{follows}'; a step may only follow a yearly moment with its own dates.");
                }
            }
            foreach (var moment in moments)
            {
                var path = new List<string>();
                if (FindLoop(moment.Kind, byKind, merger, path))
                {
                    r.Problem($"moment '{moment.Kind}'", merger ? "merger" : "start",
                        $"depends on itself: {string.Join(" → ", path)}.");
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
        foreach (var (from, _) in References(moment.For(merger)))
        {
            if (FindLoop(from, byKind, merger, path))
            {
                return true;
            }
        }
        path.RemoveAt(path.Count - 1);
        return false;
    }

    private static IEnumerable<(string From, string Field)> References(Derivation derivation)
    {
        switch (derivation)
        {
            case OffsetDerivation offset:
                yield return (offset.Start.From, "start.from");
                if (offset.End is not null)
                {
                    yield return (offset.End.From, "end.from");
                }
                break;
            case EstimateDerivation estimate:
                yield return (estimate.From, "estimate.from");
                break;
        }
    }

    private static ElectionCalendar? ParseElections(string json, List<ConfigProblem> problems)
    {
        var r = new Reader(ElectionsFile, problems);
        using var document = r.Open(json);
        if (document is null)
        {
            return null;
        }
        var before = problems.Count;
        var root = document.RootElement;
        var exceptions = new List<StatutoryException>();
        var index = 0;
        foreach (var item in r.Array(root, "exceptions", "the file"))
        {
            index++;
            var label = $"exception #{index}";
            var bodyText = r.String(item, "body", label);
            ElectionBody? body = bodyText switch
            {
                null => null,
                "gemeenteraad" => ElectionBody.MunicipalCouncil,
                "provinciale-staten" => ElectionBody.ProvincialAndWaterBoards,
                _ => r.Fail<ElectionBody?>(label, "body", $"'{bodyText}' is not an election body; use gemeenteraad or provinciale-staten."),
            };
            var year = r.Int(item, "year", label);
            var kind = r.String(item, "kind", label);
            if (kind is not null && LawRules.Find(kind) is not { Scope: LawScope.Election or LawScope.Provincial })
            {
                r.Problem(label, "kind", $"'{kind}' is not a statutory election moment; exceptions apply to: {string.Join(", ", LawRules.All.Where(x => x.Scope is LawScope.Election or LawScope.Provincial).Select(x => x.Id))}.");
                kind = null;
            }
            var dates = r.Interval(item, label);
            var source = r.String(item, "source", label);
            if (body is not null && year is not null && kind is not null && dates is not null && source is not null)
            {
                if (!Kieswet.IsRegularYear(body.Value, year.Value))
                {
                    r.Problem(label, "year", $"{year} is not a regular election year of the {bodyText}.");
                }
                exceptions.Add(new StatutoryException(body.Value, year.Value, kind, dates, source));
            }
        }
        var others = new List<KnownElection>();
        index = 0;
        foreach (var item in r.Array(root, "otherElections", "the file"))
        {
            index++;
            var label = $"other election #{index}";
            var body = r.String(item, "body", label);
            var date = r.Date(item, "date", label);
            var name = r.Text(item, "name", label);
            DateInterval? expected = null;
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("expected", out var expectedElement))
            {
                var earliest = r.Date(expectedElement, "earliest", label, "expected.");
                var latest = r.Date(expectedElement, "latest", label, "expected.");
                if (earliest is not null && latest is not null && date is not null)
                {
                    if (earliest > date || latest < date)
                    {
                        r.Problem(label, "expected", $"the expected period {earliest:yyyy-MM-dd} – {latest:yyyy-MM-dd} must contain the date {date:yyyy-MM-dd}.");
                    }
                    else
                    {
                        expected = new DateInterval(earliest.Value, latest.Value);
                    }
                }
            }
            LocalDate? declared = null;
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("resultDeclared", out _))
            {
                declared = r.Date(item, "resultDeclared", label);
                if (declared is not null && date is not null && declared < date)
                {
                    r.Problem(label, "resultDeclared", $"the result ({declared:yyyy-MM-dd}) cannot be declared before election day {date:yyyy-MM-dd}.");
                    declared = null;
                }
            }
            if (body is not null && date is not null && name is not null)
            {
                others.Add(new KnownElection(body, date.Value, name.Nl, name.En, expected, declared));
            }
        }
        return problems.Count > before ? null : new ElectionCalendar(exceptions, others.OrderBy(o => o.Date).ToArray());
    }

    /// <summary>Reads typed fields and records a problem for each one that is missing or malformed.</summary>
    private sealed class Reader(string file, List<ConfigProblem> problems)
    {
        private readonly HashSet<string> _mentionedKinds = new(StringComparer.Ordinal);

        public JsonDocument? Open(string json)
        {
            try
            {
                var document = JsonDocument.Parse(json, Options);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    Problem("the file", "", "must contain one JSON object.");
                    document.Dispose();
                    return null;
                }
                return document;
            }
            catch (JsonException e)
            {
                Problem("the file", "", $"is {JsonSyntax.Describe(e)}.");
                return null;
            }
        }

        public bool Mentioned(string kind) => _mentionedKinds.Contains(kind);

        /// <summary>Whether <paramref name="element"/> is a JSON object; records a problem when it is not.</summary>
        public bool IsObject(JsonElement element, string item, string field = "")
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                return true;
            }
            Problem(item, field, $"must be an object {{…}}, not {Describe(element)}.");
            return false;
        }

        private static string Describe(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Array => "a list",
            JsonValueKind.String => "a text",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            JsonValueKind.Null => "null",
            _ => element.ValueKind.ToString(),
        };

        public void Problem(string item, string field, string message) => problems.Add(new ConfigProblem(file, item, field, message));

        public T? Fail<T>(string item, string field, string message)
        {
            Problem(item, field, message);
            return default;
        }

        public IEnumerable<JsonElement> Array(JsonElement parent, string name, string item)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Array)
            {
                Problem(item, name, "is missing or not a list.");
                return [];
            }
            return element.EnumerateArray().ToArray();
        }

        public string? String(JsonElement parent, string name, string item, string prefix = "")
        {
            if (parent.ValueKind == JsonValueKind.Object
                && parent.TryGetProperty(name, out var element)
                && element.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(element.GetString()))
            {
                var value = element.GetString()!;
                if (name == "kind")
                {
                    _mentionedKinds.Add(value);
                }
                return value;
            }
            return Fail<string>(item, prefix + name, "is missing or empty; it must be a text.");
        }

        public int? Int(JsonElement parent, string name, string item)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
            {
                return value;
            }
            return Fail<int?>(item, name, "is missing or not a whole number.");
        }

        public LocalizedText? Text(JsonElement parent, string name, string item, string prefix = "")
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Object)
            {
                return Fail<LocalizedText>(item, prefix + name, "is missing or not an object; it needs a Dutch text (nl) and an English text (en).");
            }
            var nl = Optional(element, "nl");
            var en = Optional(element, "en");
            if (nl is null)
            {
                Problem(item, prefix + name + ".nl", "is missing, empty or not a text; every text needs Dutch first.");
            }
            if (en is null)
            {
                Problem(item, prefix + name + ".en", "is missing, empty or not a text; every text needs an English version.");
            }
            return nl is null || en is null ? null : new LocalizedText(nl, en);
        }

        public Period? Period(JsonElement parent, string name, string item, string prefix)
        {
            var text = String(parent, name, item, prefix);
            if (text is null)
            {
                return null;
            }
            var result = PeriodPattern.NormalizingIso.Parse(text);
            if (!result.Success)
            {
                return Fail<Period>(item, prefix + name, $"'{text}' is not an ISO-8601 period; write for example P14D, P6M or P-15M (a minus goes after the P).");
            }
            return WithinACentury(result.Value)
                ? result.Value
                : Fail<Period>(item, prefix + name, $"'{text}' is out of range; an offset must stay within 100 years.");
        }

        private static readonly LocalDate Anchor = new(2026, 1, 1);

        private static bool WithinACentury(Period period)
        {
            try
            {
                var date = Anchor + period;
                return date.Year >= Anchor.Year - 100 && date.Year <= Anchor.Year + 100;
            }
            catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        public LocalDate? Date(JsonElement parent, string name, string item, string prefix = "")
        {
            var text = String(parent, name, item, prefix);
            if (text is null)
            {
                return null;
            }
            var result = LocalDatePattern.Iso.Parse(text);
            return result.Success ? result.Value : Fail<LocalDate?>(item, prefix + name, $"'{text}' is not a date; use YYYY-MM-DD.");
        }

        public DateInterval? Interval(JsonElement parent, string item)
        {
            var start = Date(parent, "start", item);
            var end = Date(parent, "end", item);
            if (start is null || end is null)
            {
                return null;
            }
            if (end < start)
            {
                return Fail<DateInterval>(item, "end", $"{end:yyyy-MM-dd} is before the start {start:yyyy-MM-dd}.");
            }
            return new DateInterval(start.Value, end.Value);
        }

        public AnnualDate? AnnualDate(JsonElement parent, string name, string item, string prefix)
        {
            var text = String(parent, name, item, prefix);
            if (text is null)
            {
                return null;
            }
            var result = AnnualDatePattern.Iso.Parse(text.StartsWith("--", StringComparison.Ordinal) ? text[2..] : text);
            return result.Success
                ? result.Value
                : Fail<AnnualDate?>(item, prefix + name, $"'{text}' is not a day of the year; write --MM-DD, e.g. --07-15.");
        }

        private static string? Optional(JsonElement parent, string name) =>
            parent.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString())
                ? element.GetString()
                : null;
    }
}
