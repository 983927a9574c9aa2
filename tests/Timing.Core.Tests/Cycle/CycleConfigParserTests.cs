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
        Assert.Equal(MomentKinds.All.Order(), result.Rules!.Moments.Select(m => m.Kind).Order());
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
        Assert.Contains($"cycle.json: phase '{phase["id"]}', field 'colour': '{colour}' is not a colour; expected #rrggbb (or #rgb), e.g. #1d5fa8.",
            result.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("#1d5fa8", true)]
    [InlineData("#FFF", true)]
    [InlineData("1d5fa8", false)]
    [InlineData("#1d5fa", false)]
    public void IsColour_AcceptsHexColoursOnly(string text, bool expected) => Assert.Equal(expected, CycleConfigParser.IsColour(text));

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
        Assert.Contains("cycle.json: moment 'election', field 'advice.nl': is missing or empty; every text needs Dutch first.", problems);
    }

    [Fact]
    public void Parse_ReportsEveryProblem_NotJustTheFirst()
    {
        var problems = ProblemsAfter(_ => true, m => m["audiences"] = new JsonArray("burgers"));
        Assert.Equal(MomentKinds.All.Count, problems.Count(p => p.Contains("field 'audiences': 'burgers' is not an audience", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_UnknownKindAndMissingKind_AreBothReported()
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "december-circular", m => m["kind"] = "january-circular");
        Assert.Contains(problems, p => p.StartsWith("cycle.json: moment 'january-circular', field 'kind': is not a canonical moment kind", StringComparison.Ordinal));
        Assert.Contains("cycle.json: moment 'december-circular': is missing; every canonical moment kind needs a definition.", problems);
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
        Assert.Contains(problems, p => p.Contains("depends on itself: installation → councillor-induction → installation", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EstimateOutOfOrder_IsReported()
    {
        var problems = ProblemsAfter(m => m["kind"]!.GetValue<string>() == "coalition-agreement", m => m["estimate"]!["p10"] = "P90D");
        Assert.Contains("cycle.json: moment 'coalition-agreement', field 'estimate': needs p10 ≤ median ≤ p90 (got P90D, P72D, P140D).", problems);
    }

    [Fact]
    public void Parse_BrokenJson_SaysWhere()
    {
        var result = CycleConfigParser.Parse("{ \"phases\": [ }", ShippedRules.ElectionsJson);
        var problem = Assert.Single(result.Problems).ToString();
        Assert.StartsWith("cycle.json: the file: is not valid JSON (line 1, position", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ElectionsException_ForNonElectionYear_IsReported()
    {
        var elections = JsonNode.Parse(ShippedRules.ElectionsJson)!;
        elections["exceptions"]![0]!["year"] = 2023;
        var result = CycleConfigParser.Parse(ShippedRules.CycleJson, elections.ToJsonString());
        Assert.Contains("elections.json: exception #1, field 'year': 2023 is not a regular election year of the gemeenteraad.", result.Problems.Select(p => p.ToString()));
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
