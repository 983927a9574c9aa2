using Timing.Core.Cycle;
using Timing.Core.Meetings;

namespace Timing.Core.Tests.Meetings;

public class MeetingRulesTests
{
    private static readonly MeetingRules Rules = Load();

    private static MeetingRules Load()
    {
        var result = MeetingRulesParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", MeetingRulesParser.File)));
        return result.Rules ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    }

    [Theory]
    [InlineData("Programmabegroting 2028", "", "budget-debate")]
    [InlineData("Algemene beschouwingen", "Gemeenteraad", "budget-debate")]
    [InlineData("Begrotingsraad", "", "budget-debate")]
    [InlineData("Behandeling begroting 2028", "Raad", "budget-debate")]
    [InlineData("Kadernota 2028", "", "framework-note")]
    [InlineData("Voorjaarsnota", "", "framework-note")]
    [InlineData("PERSPECTIEFNOTA 2028-2031", "", "framework-note")]
    [InlineData("Kaderbrief 2028", "", "framework-note")]
    [InlineData("Jaarstukken 2026", "", "annual-accounts")]
    [InlineData("Raadsvergadering Jaarrekening", "", "annual-accounts")]
    public void CouncilTitles_DateTheirMoment(string title, string committee, string kind)
    {
        var match = Rules.Match(title, committee);
        Assert.Equal((kind, true, MeetingCategory.Council), (match.Kind, match.Certain, match.Category));
    }

    [Fact]
    public void CommitteeMeeting_MatchesButAsksForConfirmation()
    {
        var match = Rules.Match("Kadernota 2028", "Commissie Mens en Samenleving");
        Assert.Equal(("framework-note", false, MeetingCategory.Committee, true), (match.Kind, match.Certain, match.Category, match.SocialDomain));
    }

    [Fact]
    public void InformationSession_IsNeverCertain()
    {
        var match = Rules.Match("Informatiebijeenkomst Programmabegroting", "");
        Assert.Equal(("budget-debate", false, MeetingCategory.Information), (match.Kind, match.Certain, match.Category));
    }

    [Theory]
    [InlineData("Raadsvergadering: Begrotingswijziging 2027")]
    [InlineData("Vragenhalfuur")]
    [InlineData("Gemeenteraad")]
    public void OtherTitles_MatchNothing(string title) => Assert.Null(Rules.Match(title, "Gemeenteraad").Kind);

    [Fact]
    public void Accents_AndCase_AreIgnored() =>
        Assert.Equal("framework-note", Rules.Match("Perspectiefnóta", null).Kind);

    [Fact]
    public void Parser_NamesFileRuleAndField()
    {
        var result = MeetingRulesParser.Parse("""
            { "committees": ["commissie"], "information": ["informatie"], "socialDomain": ["zorg"],
              "moments": [ { "kind": "budget-debat", "titles": ["begroting"] }, { "kind": "framework-note", "titles": ["ka"] }, { "titles": [] } ] }
            """);
        Assert.False(result.IsValid);
        var text = result.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains(text, p => p.StartsWith("meetings.json: rule #1, field 'kind': 'budget-debat' is not a moment kind", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("meetings.json: rule #2 ('framework-note'), field 'titles[1]': 'ka' is too short", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("meetings.json: rule #3, field 'kind': is missing", StringComparison.Ordinal));
        Assert.Contains(text, p => p.StartsWith("meetings.json: rule #3, field 'titles': is empty", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\u00e6 broken", "is not valid JSON at line 1, column 1: nothing can start there (a missing quote, a comma too many, or a character that is not text).")]
    [InlineData("{\n  \"moments\": [\n", "is not valid JSON at line 3, column 1: the text ends before every {, [ and \" is closed.")]
    [InlineData("{ \"moments\": [] \"committees\": [] }", "is not valid JSON at line 1, column 17: a comma or a closing } or ] is missing.")]
    [InlineData("", "is not valid JSON at line 1, column 1: the file is empty.")]
    public void Parser_BrokenJson_SaysLineAndColumnInPlainWords(string json, string message) =>
        Assert.Equal($"meetings.json: the file: {message}", MeetingRulesParser.Parse(json).Problems.Single().ToString());

    [Fact]
    public void Parser_RefusesBrokenJson() =>
        Assert.StartsWith("meetings.json: the file: is not valid JSON", MeetingRulesParser.Parse("{ nope").Problems.Single().ToString(), StringComparison.Ordinal);
}
