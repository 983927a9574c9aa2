using System.Text.Json;
using System.Text.Json.Nodes;
using Timing.Core.Meetings;
using Timing.Core.Tests.Cycle;

namespace Timing.Core.Tests.Meetings;

/// <summary>
/// config/meetings.schema.json is what editors check against, and what the program checks against: the same bad input
/// must be refused by both, at the same rule and field, so the schema and the parser cannot drift apart.
/// </summary>
public class MeetingsSchemaTests
{
    private static readonly string[] Kinds = ShippedRules.Rules.Moments.Select(m => m.Kind).ToArray();

    private static string ShippedJson => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", MeetingRulesParser.File));

    private static bool Valid(JsonNode document) => CycleSchemaTests.Valid("meetings.schema.json", document);

    /// <summary>The shipped file, read with comments and trailing commas as the program reads it.</summary>
    private static JsonNode Shipped() =>
        JsonNode.Parse(ShippedJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;

    [Fact]
    public void ShippedFile_MatchesItsSchema() => Assert.True(Valid(Shipped()));

    public static TheoryData<Action<JsonNode>, string> Refused => new()
    {
        { m => m.AsObject().Remove("committees"), "the file, field 'committees': is missing." },
        { m => m["committees"] = "commissie", "the file, field 'committees': must be a list […], not a text." },
        { m => m["socialDomain"] = new JsonArray(), "the file, field 'socialDomain': is empty; give at least one." },
        // Two letters find the start of too many words ("ra" in every "raad").
        { m => m["information"]![0] = "ra", "the file, field 'information[1]': 'ra' is not a word of at least 3 letters" },
        { m => m["hearings"]![1] = 5, "the file, field 'hearings[2]': must be a text, not a number." },
        { m => m["moment"] = new JsonArray(), "the file, field 'moment': is not a field here" },
        { m => m["moments"]![0] = "budget-debate", "rule #1: must be an object {…}, not a text." },
        { m => m["moments"]![0]!["kinds"] = "budget-debate", "rule 'budget-debate', field 'kinds': is not a field here" },
        { m => m["moments"]![3]!.AsObject().Remove("titles"), "rule 'coalition-agreement', field 'titles': is missing." },
        { m => m["moments"]![3]!["certain"] = "no", "rule 'coalition-agreement', field 'certain': must be true or false, not a text." },
        { m => m["moments"]![1]!["except"] = "zienswijze", "rule 'framework-note', field 'except': must be a list […], not a text." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void BadInput_IsRefusedByTheSchemaAndTheParser_AtTheSamePlace(Action<JsonNode> change, string problem)
    {
        var meetings = Shipped();
        change(meetings);
        Assert.False(Valid(meetings));
        var result = MeetingRulesParser.Parse(meetings.ToJsonString(), Kinds);
        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.ToString().StartsWith($"meetings.json: {problem}", StringComparison.Ordinal));
    }

    // The schema cannot know the kinds of cycle.json; that check is the parser's alone.
    [Fact]
    public void UnknownMomentKind_FitsTheSchema_ButTheParserRefusesIt()
    {
        var meetings = Shipped();
        meetings["moments"]![0]!["kind"] = "budget-debat";
        Assert.True(Valid(meetings));
        var problem = Assert.Single(MeetingRulesParser.Parse(meetings.ToJsonString(), Kinds).Problems);
        Assert.StartsWith("meetings.json: rule 'budget-debat', field 'kind': 'budget-debat' is not a moment kind; expected one of: ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SpacesAroundAWord_AreNotCompared()
    {
        var meetings = Shipped();
        meetings["moments"]![0]!["titles"] = new JsonArray(" programmabegroting ");
        Assert.Equal(["programmabegroting"], MeetingRulesParser.Parse(meetings.ToJsonString(), Kinds).Rules!.Rule("budget-debate")!.Titles);
    }
}
