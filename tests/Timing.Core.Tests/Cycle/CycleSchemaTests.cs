using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Timing.Core.Cycle;

namespace Timing.Core.Tests.Cycle;

/// <summary>
/// config/*.schema.json is what editors check against, and what the program checks against: the same bad input must be
/// refused by both, so the schema and the parser cannot drift apart again.
/// </summary>
public class CycleSchemaTests
{
    private static JsonSchema SchemaOnDisk(string name) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", name)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>Whether the schema file in config/ accepts the document, as an editor would judge it.</summary>
    internal static bool Valid(string schema, JsonNode document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return SchemaOnDisk(schema).Evaluate(parsed.RootElement).IsValid;
    }

    [Theory]
    [InlineData("cycle.json")]
    [InlineData("elections.json")]
    [InlineData("meetings.json")]
    public void BuiltInSchema_IsTheFileInConfig(string file) =>
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", Path.GetFileNameWithoutExtension(file) + ".schema.json")), RuleFile.SchemaText(file));

    [Fact]
    public void ShippedFiles_MatchTheirSchemas()
    {
        Assert.True(Valid("cycle.schema.json", JsonNode.Parse(ShippedRules.CycleJson)!));
        Assert.True(Valid("elections.schema.json", JsonNode.Parse(ShippedRules.ElectionsJson)!));
    }

    public static TheoryData<Action<JsonNode>, string> Refused => new()
    {
        // A three-digit colour was once accepted by the program and refused by the schema.
        { c => c["phases"]![0]!["colour"] = "#FFF", "phase 'programmes', field 'colour'" },
        { c => c["phases"]![0]!["colour"] = "red", "phase 'programmes', field 'colour'" },
        { c => Moment(c, "lead-candidates")["end"]!["offset"] = "-P6M", "moment 'lead-candidates', field 'end.offset'" },
        { c => Moment(c, "programme-input")["start"] = new JsonArray(), "moment 'programme-input', field 'start'" },
        { c => Moment(c, "election")["nudges"] = JsonNode.Parse("""[{"before": "begin", "lead": "P1D"}]"""), "moment 'election', field 'nudges[1].before'" },
        { c => Moment(c, "election")["audiences"] = new JsonArray(), "moment 'election', field 'audiences'" },
        { c => Moment(c, "election")["wanneer"] = 1, "moment 'election', field 'wanneer'" },
        { c => Moment(c, "election").Remove("phase"), "moment 'election', field 'phase'" },
        { c => Moment(c, "nomination").Remove("law"), "moment 'nomination'" },
        { c => Moment(c, "nomination")["calendar"] = "tweede-kamer", "moment 'nomination'" },
        { c => Moment(c, "new-mayor")["entered"] = false, "moment 'new-mayor', field 'entered'" },
        { c => Moment(c, "framework-note")["budgetYear"] = 2, "moment 'framework-note', field 'budgetYear'" },
        { c => c["schoolRegions"]![0]!["municipalities"]![0] = "0344", "school region 'noord', field 'municipalities[1]'" },
        { c => Moment(c, "budget-debate")["shortName"]!["nl"] = "Begrotingsbehandeling {year}", "moment 'budget-debate', field 'shortName.nl'" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void BadInput_IsRefusedByTheSchemaAndTheParser_AtTheSamePlace(Action<JsonNode> change, string where)
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        change(cycle);
        Assert.False(Valid("cycle.schema.json", cycle));
        var result = CycleConfigParser.Parse(cycle.ToJsonString(), ShippedRules.ElectionsJson);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.ToString().StartsWith($"cycle.json: {where}", StringComparison.Ordinal));
    }

    [Fact]
    public void BadElection_IsRefusedByTheSchemaAndTheParser_AtTheSamePlace()
    {
        var elections = JsonNode.Parse(ShippedRules.ElectionsJson)!;
        elections["otherElections"]![1]!["date"] = "17-03-2021";
        Assert.False(Valid("elections.schema.json", elections));
        var result = CycleConfigParser.Parse(ShippedRules.CycleJson, elections.ToJsonString());
        Assert.Equal(["elections.json: other election #2, field 'date': '17-03-2021' is not a date; use YYYY-MM-DD."], result.Problems.Select(p => p.ToString()));
    }

    private static JsonObject Moment(JsonNode cycle, string kind) =>
        cycle["moments"]!.AsArray().Select(m => m!.AsObject()).Single(m => m["kind"]!.GetValue<string>() == kind);
}
