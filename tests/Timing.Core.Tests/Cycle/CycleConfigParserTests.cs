using System.Text.Json.Nodes;
using Timing.Core.Cycle;

namespace Timing.Core.Tests.Cycle;

public class CycleConfigParserTests
{
    [Fact]
    public void Parse_ShippedConfig_IsValidAndDefinesEveryKind()
    {
        var result = CycleConfigParser.Parse(ShippedRules.CycleJson, ShippedRules.ElectionsJson);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Superset(MomentKinds.Named.ToHashSet(), result.Rules!.Moments.Select(m => m.Kind).ToHashSet());
    }

    [Fact]
    public void Parse_ShippedConfig_HasRealAdviceInBothLanguages()
    {
        foreach (var moment in ShippedRules.Rules.Moments)
        {
            foreach (var text in new[] { moment.Advice.Nl, moment.Advice.En })
            {
                var sentences = text.Split(". ", StringSplitOptions.RemoveEmptyEntries).Length;
                Assert.True(text.Length > 80 && sentences is >= 2 and <= 6, $"{moment.Kind}: advice should be two to five sentences: '{text}'");
            }
        }
    }

    /// <summary>Every text the rules give users: phase and moment names, advice, actions and what to bring, with their variants.</summary>
    private static IEnumerable<(string Where, string Text)> ShippedTexts()
    {
        foreach (var phase in ShippedRules.Rules.Phases)
        {
            yield return ($"phase {phase.Id}", phase.Name.Nl);
        }
        foreach (var m in ShippedRules.Rules.Moments)
        {
            var texts = new[] { m.Name, m.Advice, m.Action, m.Bring }
                .Concat(m.AdviceByTermYear?.Values ?? []).Concat(m.BringByTermYear?.Values ?? []).OfType<LocalizedText>();
            foreach (var text in texts)
            {
                yield return (m.Kind, text.Nl);
                yield return (m.Kind, text.En);
            }
        }
    }

    [Theory]
    // Review section (c): wordings a Dutch reader stumbles over, each with its replacement in the rules.
    [InlineData("quick win")] // C2 first-hundred-days: "een snel zichtbaar resultaat"
    [InlineData("Grondslag")] // C3: "Zekerheid" / "Bron van de datum"; citations keep the article itself
    [InlineData("Coalitievorming")] // C3: "Collegevorming"
    [InlineData("Nieuwe bestuursperiode")] // C3: "Bestuursperiode"
    [InlineData("Breng uw inbreng")] // C3: "Lever uw voorstellen eerder aan"
    [InlineData("partijen groeien")] // C3: "welke partijen winnen"
    [InlineData("jeugdzorg")] // C1.2: a municipal task since the Jeugdwet of 2015
    [InlineData("raadsleden en kandidaten")] // C1.11: after the election they are raadsleden and commissieleden
    [InlineData("korte formatie")] // C1.10: a break need not mean a new formation
    [InlineData("Laatste dag begroting")] // C3: "Uiterste datum begroting … aan gedeputeerde staten"
    public void ShippedTexts_DoNotUseAWordingTheReviewReplaced(string wording)
    {
        Assert.All(ShippedTexts(), t => Assert.False(t.Text.Contains(wording, StringComparison.OrdinalIgnoreCase), $"{t.Where}: '{t.Text}'"));
    }

    [Theory]
    // Review section (c): the corrected facts, each said by the moment it belongs to.
    [InlineData("college-appointed", "door het college vastgelegd")] // C1.3
    [InlineData("registration-deadline", "boven haar lijst op het stembiljet")] // C1.4
    [InlineData("support-declarations", "geen zetel")] // C1.5
    [InlineData("annual-accounts-deadline", "Verantwoording subsidie")] // C1.6
    [InlineData("exploration", "weinig directe invloed")] // C1.9
    [InlineData("coalition-break", "minderheidscollege")] // C1.10
    [InlineData("councillor-induction", "commissieleden")] // C1.11
    [InlineData("provincial-election", "over drie jaar")] // C1.1
    [InlineData("budget-debate", "coalitiefractie")] // C2
    [InlineData("framework-note-preparation", "beleidsmedewerker")] // C2
    [InlineData("annual-accounts", "resultaatbestemming")] // C2
    [InlineData("budget-day", "nota van wijziging")] // C2
    [InlineData("lead-candidates", "wethouderskandidaat")] // C2
    [InlineData("spokespersons", "woordvoerder")] // C2 installation: the spokespersons have their own moment now
    [InlineData("framework-note", "perspectiefnota")] // C3
    public void ShippedAdvice_StatesTheFactTheReviewAskedFor(string kind, string fact)
    {
        var moment = ShippedRules.Rules.Moment(kind);
        var advice = new[] { moment.Advice }.Concat(moment.AdviceByTermYear?.Values ?? []);
        Assert.Contains(advice, a => a.Nl.Contains(fact, StringComparison.Ordinal));
    }

    [Theory]
    // A step follows a yearly moment with its own dates: not an election-cycle moment, not another step, not nothing.
    [InlineData("installation")]
    [InlineData("framework-note-college")]
    [InlineData("no-such-moment")]
    public void Parse_StepFollowingSomethingElseThanAYearlyMoment_NamesTheMomentAndTheField(string follows)
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        var step = cycle["moments"]!.AsArray().Single(m => m!["kind"]!.GetValue<string>() == "framework-note-publication")!;
        step["yearly"]!["follows"] = follows;
        var result = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson);
        Assert.Equal([$"cycle.json: moment 'framework-note-publication', field 'yearly.follows': refers to '{follows}'; a step may only follow a yearly moment with its own dates."],
            result.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#12345g")]
    [InlineData("#1d5fa8\" onload=\"alert(1)")]
    [InlineData("#1d5fa8;background:url(x)")]
    public void Parse_PhaseColourThatIsNotAColour_NamesThePhaseAndTheField(string colour)
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        var phase = cycle["phases"]![0]!;
        phase["colour"] = colour;
        var result = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson);
        Assert.False(result.IsValid);
        Assert.Contains($"cycle.json: phase '{phase["id"]}', field 'colour': '{colour}' is not a colour; expected #rrggbb, e.g. #1d5fa8.",
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_PhaseWithAWrongColour_IsTheOnlyProblem_ItsMomentsStillNameADefinedPhase()
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        var phase = cycle["phases"]![1]!;
        phase["colour"] = "red";
        Assert.Contains(cycle["moments"]!.AsArray(), m => m!["phase"]!.GetValue<string>() == phase["id"]!.GetValue<string>());
        var result = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson);
        Assert.Equal([$"cycle.json: phase '{phase["id"]}', field 'colour': 'red' is not a colour; expected #rrggbb, e.g. #1d5fa8."],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_PhaseDefinedTwice_IsReportedOnce()
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        var phases = cycle["phases"]!.AsArray();
        phases.Add(phases[0]!.DeepClone());
        var result = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson);
        Assert.Equal([$"cycle.json: phase '{phases[0]!["id"]}', field 'id': is defined twice; each phase id must be unique."], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_UnknownAnchor_NamesFileMomentAndField()
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "programme-input", m => m["start"]!["from"] = "elektion");
        Assert.Contains("cycle.json: moment 'programme-input', field 'start.from': 'elektion' is not a moment kind to derive from.", problems);
    }

    [Fact]
    public void Parse_UnparsablePeriod_NamesTheFieldAndTheExpectedForm()
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "lead-candidates", m => m["end"]!["offset"] = "-P6M");
        var problem = Assert.Single(problems);
        Assert.StartsWith("cycle.json: moment 'lead-candidates', field 'end.offset': '-P6M' is not an ISO-8601 period", problem, StringComparison.Ordinal);
        Assert.Contains("P-15M", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingDutchText_IsAnError()
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "election", m => m["advice"]!.AsObject().Remove("nl"));
        Assert.Contains("cycle.json: moment 'election', field 'advice.nl': is missing.", problems);
    }

    [Fact]
    public void Parse_ReportsEveryProblem_NotJustTheFirst()
    {
        var problems = ProblemsAfter(_ => true, m => m["audiences"] = new JsonArray("burgers"));
        Assert.Equal(ShippedRules.Rules.Moments.Count, problems.Count(p => p.Contains("field 'audiences': 'burgers' is not an audience; known audiences: parties, candidates", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_AudiencesRegionsAndShortNames_ComeFromTheRuleFile()
    {
        var rules = ShippedRules.Rules;
        Assert.Equal(("raadsleden", "councillors"), (rules.AudienceName("councillors", Language.Nl), rules.AudienceName("councillors", Language.En)));
        Assert.Equal(["noord", "midden", "zuid"], rules.SchoolRegions.Select(r => r.Id));
        Assert.Equal("zuid", rules.SchoolRegionOf(MunicipalityCode.Parse("GM0796")));
        Assert.Equal(new LocalizedText("Meicirculaire", "May circular"), rules.Moment("may-circular").ShortName);
    }

    /// <summary>
    /// A month view shows the short name and nothing else, so it must read as words: clipped forms such as
    /// "Jaarrek.", "Steunverkl." or "Cie" are not what anyone writes. Acronyms people do write (GS, B&amp;W) may stay.
    /// </summary>
    [Fact]
    public void ShortNames_OfTheShippedRules_AreWordsNotClippedForms()
    {
        string[] clipped = ["cie", "kn", "voorber", "circ", "begr", "progr", "prog", "verkl", "decl", "prov", "jaarrek"];
        var found = new List<string>();
        foreach (var moment in ShippedRules.Rules.Moments.Where(m => m.ShortName is not null))
        {
            foreach (var name in new[] { moment.ShortName!.Nl, moment.ShortName.En })
            {
                var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Any(w => w.EndsWith('.') || clipped.Contains(w.TrimEnd('.').ToLowerInvariant())))
                {
                    found.Add($"{moment.Kind}: '{name}'");
                }
            }
        }
        Assert.True(found.Count == 0, "short names that are clipped, not words: " + string.Join("; ", found));
    }

    [Fact]
    public void Parse_AudienceOrRegionNotDefined_NamesWhatIsDefined()
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        cycle["schoolSummerHolidays"]![0]!["region"] = "oost";
        cycle["moments"]![0]!["audiences"] = new JsonArray("burgers");
        var problems = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson).Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("cycle.json: school holiday #1, field 'region': 'oost' is not a school region; defined regions: noord, midden, zuid.", problems);
        Assert.Contains(problems, p => p.StartsWith("cycle.json: moment 'party-preparation', field 'audiences': 'burgers' is not an audience; known audiences: parties,", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_KindTheProgramNamesMissing_IsReported()
    {
        // Kinds are defined by the rule file; only the ones the program names by id must be there.
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "budget-debate", m => m["kind"] = "budget-debat");
        Assert.Contains("cycle.json: moment 'budget-debate': is missing; the program names this kind, so the file must define it.", problems);
    }

    [Fact]
    public void Parse_NewKind_NeedsNoCode()
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        var moments = cycle["moments"]!.AsArray();
        var added = moments.Select(m => m!.AsObject()).Single(m => m["kind"]!.GetValue<string>() == "december-circular").DeepClone().AsObject();
        added["kind"] = "spring-circular";
        moments.Add(added);
        var result = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.NotNull(result.Rules!.Find("spring-circular"));
    }

    [Fact]
    public void Parse_UnknownLawRule_ListsTheKnownOnes()
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "nomination", m => m["law"] = "kandidaatstelling");
        Assert.Contains(problems, p => p.StartsWith("cycle.json: moment 'nomination', field 'law': 'kandidaatstelling' is not a law rule; known rules: nomination, election", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DerivationLoop_IsReported()
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "installation", m =>
        {
            m.Remove("law");
            m["start"] = new JsonObject { ["from"] = "councillor-induction" };
        });
        Assert.Contains(problems, p => p.Contains("installation → councillor-induction → installation", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EstimateOutOfOrder_IsReported()
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "coalition-agreement", m => m["estimate"]!["p10"] = "P90D");
        Assert.Contains("cycle.json: moment 'coalition-agreement', field 'estimate': needs p10 ≤ median ≤ p90 (got P90D, P72D, P120D).", problems);
    }

    [Fact]
    public void Parse_BrokenJson_SaysWhere()
    {
        var result = CycleConfigParser.Parse("{ \"phases\": [ }", ShippedRules.ElectionsJson);
        var problem = Assert.Single(result.Problems).ToString();
        Assert.Equal("cycle.json: the file: is not valid JSON at line 1, column 15: nothing can start there (a missing quote, a comma too many, or a character that is not text).", problem);
    }

    [Fact]
    public void Parse_ElectionsException_ForNonElectionYear_IsReported()
    {
        var elections = JsonNode.Parse(ShippedRules.ElectionsJson)!;
        elections["exceptions"]![0]!["year"] = 2023;
        var result = CycleConfigParser.Parse(ShippedRules.CycleJson, elections.ToJsonString());
        Assert.Contains("elections.json: exception #1, field 'year': 2023 is not a regular election year of the gemeenteraad.", result.Problems.Select(p => p.ToString()));
    }

    [Theory]
    // Wrong-typed values are problems with file, moment and field, never an exception.
    [InlineData("programme-input", "start", "[]", "cycle.json: moment 'programme-input', field 'start': must be an object {…}, not a list.")]
    [InlineData("programme-input", "start", "5", "cycle.json: moment 'programme-input', field 'start': must be an object {…}, not a number.")]
    [InlineData("coalition-agreement", "estimate", "[1, 2]", "cycle.json: moment 'coalition-agreement', field 'estimate': must be an object {…}, not a list.")]
    [InlineData("annual-accounts", "yearly", "\"--05-01\"", "cycle.json: moment 'annual-accounts', field 'yearly': must be an object {…}, not a text.")]
    [InlineData("election", "advice", "[\"tekst\"]", "cycle.json: moment 'election', field 'advice': must be an object {…}, not a list.")]
    [InlineData("election", "name", "{\"nl\": 5, \"en\": \"x\"}", "cycle.json: moment 'election', field 'name.nl': must be a text, not a number.")]
    [InlineData("election", "phase", "12", "cycle.json: moment 'election', field 'phase': must be a text, not a number.")]
    [InlineData("election", "audiences", "{\"a\": 1}", "cycle.json: moment 'election', field 'audiences': must be a list […], not an object.")]
    [InlineData("election", "nudges", "[5]", "cycle.json: moment 'election', field 'nudges[1]': must be an object {…}, not a number.")]
    [InlineData("election", "merger", "true", "cycle.json: moment 'election', field 'merger': must be an object {…}, not true/false.")]
    [InlineData("framework-note", "adviceByTermYear", "{\"eerste\": {}}", "cycle.json: moment 'framework-note', field 'adviceByTermYear.eerste': is not a field here; check the spelling. Allowed: election, first, midterm, before-election.")]
    public void Parse_WrongTypedValue_IsAProblemNotACrash(string kind, string field, string json, string expected)
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == kind, m => m[field] = JsonNode.Parse(json));
        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("P-999999999Y")]
    [InlineData("P999Y")]
    public void Parse_OffsetBeyondACentury_IsAProblemNotACrash(string offset)
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "programme-input", m => m["start"]!["offset"] = offset);
        Assert.Contains($"cycle.json: moment 'programme-input', field 'start.offset': '{offset}' is out of range; an offset must stay within 100 years.", problems);
    }

    [Fact]
    public void Parse_EdgeAsNumberAndMomentAsNumber_AreProblems()
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        cycle["moments"]!.AsArray().Add(42);
        cycle["moments"]![1]!["start"]!["edge"] = 3;
        var problems = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson).Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("cycle.json: moment 'programme-input', field 'start.edge': '3' is not one of: start, end.", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("cycle.json: moment #", StringComparison.Ordinal) && p.EndsWith("must be an object {…}, not a number.", StringComparison.Ordinal));
    }

    private static List<string> ProblemsAfter(Func<JsonObject, bool> which, Action<JsonObject> change)
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        foreach (var moment in cycle["moments"]!.AsArray().Select(n => n!.AsObject()).Where(which))
        {
            change(moment);
        }
        var result = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson);
        Assert.False(result.IsValid);
        return result.Problems.Select(p => p.ToString()).ToList();
    }
}
