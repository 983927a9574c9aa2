using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Core.Nudges;

namespace Timing.Core.Tests.Meetings;

public class MeetingRulesTests
{
    private static readonly string[] Kinds = ShippedRules.Rules.Moments.Select(m => m.Kind).ToArray();

    public static readonly MeetingRules Rules = Load();

    private static MeetingRules Load()
    {
        var result = MeetingRulesParser.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", MeetingRulesParser.File)), Kinds);
        return result.Rules ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    }

    private static MeetingMatches Match(string title, string? committee = null, params string[] agenda) => Rules.Match(title, committee, agenda);

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
        var match = Match(title, committee);
        Assert.Equal((kind, true, MeetingCategory.Council), (match.Primary?.Kind, match.Primary?.Certain, match.Category));
    }

    [Fact]
    public void CommitteeMeeting_MatchesButAsksForConfirmation()
    {
        var match = Match("Kadernota 2028", "Commissie Mens en Samenleving");
        Assert.Equal(("framework-note", false, MeetingCategory.Committee, true), (match.Primary?.Kind, match.Primary?.Certain, match.Category, match.SocialDomain));
    }

    [Fact]
    public void InformationSession_IsNeverCertain()
    {
        var match = Match("Informatiebijeenkomst Programmabegroting");
        Assert.Equal(("budget-debate", false, MeetingCategory.Information), (match.Primary?.Kind, match.Primary?.Certain, match.Category));
    }

    [Theory]
    [InlineData("Raadsvergadering: Begrotingswijziging 2027")]
    [InlineData("Vragenhalfuur")]
    [InlineData("Gemeenteraad")]
    public void OtherTitles_MatchNothing(string title) => Assert.Empty(Match(title, "Gemeenteraad").Moments);

    [Fact]
    public void Accents_AndCase_AreIgnored() =>
        Assert.Equal("framework-note", Match("Perspectiefnóta").Primary?.Kind);

    // Titles as real council calendars publish them: the college hands a document over, a preview or a talk with
    // the accountant precedes the debate; none of them is the debate.
    [Theory]
    [InlineData("Aanbieden Kadernota 2020")]
    [InlineData("Preview Jaarrekening 2018")]
    [InlineData("Aanbieding Jaarrekening")]
    [InlineData("Presentatie Kadernota 2028")]
    [InlineData("Technische briefing Programmabegroting 2028")]
    [InlineData("Q&A met de accountant over de jaarrekening 2026")]
    [InlineData("Gemeenschappelijke Regelingen (Verbonden Partijen): Toelichting op de begrotingen 2020")]
    public void Handovers_PreviewsAndBriefings_NeverDateForCertain(string title)
    {
        var match = Match(title);
        Assert.Equal(MeetingCategory.Information, match.Category);
        Assert.Empty(match.CertainKinds);
    }

    [Theory]
    [InlineData("Inspraakavond kadernota 2028", "framework-note")]
    [InlineData("Beeldvormende sessie Programmabegroting 2028", "budget-debate")]
    [InlineData("Inspreekhalfuur jaarrekening", "annual-accounts")]
    public void Hearings_AreSpeakingOpportunities_NotDebates(string title, string kind)
    {
        var match = Match(title);
        Assert.Equal((MeetingCategory.Committee, true, kind, false), (match.Category, match.Hearing, match.Primary?.Kind, match.Primary?.Certain));
    }

    [Theory]
    [InlineData("Inspraakavond kadernota 2020 (geannuleerd)")]
    [InlineData("Raadsvergadering Programmabegroting 2028 - VERVALLEN")]
    [InlineData("Kadernota 2028: gaat niet door")]
    public void CancelledInTheTitle_IsLeftOut(string title)
    {
        var match = Match(title);
        Assert.True(match.Cancelled);
        Assert.Empty(match.Moments);
    }

    [Fact]
    public void GenericCouncilTitle_DatesTheBudgetDebate_FromItsAgendaItem()
    {
        var match = Match("Gemeenteraad", null, "1 Opening", "2 Vaststelling agenda", "5 Programmabegroting 2026", "6 Sluiting");
        var budget = Assert.Single(match.Moments);
        Assert.Equal(("budget-debate", true, "5 Programmabegroting 2026"), (budget.Kind, budget.Certain, budget.AgendaItem));
        Assert.Equal("agendapunt / agenda item '5 Programmabegroting 2026'", budget.Citation);
    }

    [Fact]
    public void OneMeeting_DatesBothDocumentsItNames()
    {
        var match = Match("Jaarstukken 2026 en Voorjaarsnota 2028", "Gemeenteraad");
        Assert.Equal(["annual-accounts", "framework-note"], match.CertainKinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AgendaItemThatIsAHandover_AsksForConfirmation_InACouncilMeeting()
    {
        var match = Match("Gemeenteraad", null, "Aanbieding jaarrekening 2026 door het college");
        Assert.Equal(("annual-accounts", false), (match.Primary?.Kind, match.Primary?.Certain));
    }

    [Fact]
    public void CertainAgendaItem_WinsOverAnUncertainOneOfTheSameMoment()
    {
        var match = Match("Gemeenteraad", null, "Presentatie programmabegroting 2028", "Vaststelling programmabegroting 2028");
        var budget = Assert.Single(match.Moments);
        Assert.Equal((true, "Vaststelling programmabegroting 2028"), (budget.Certain, budget.AgendaItem));
    }

    [Theory]
    [InlineData("Meningsvorming", "")]
    [InlineData("Meningsvorming Raadzaal", "")]
    [InlineData("Oordeelsvorming", "")]
    [InlineData("Ronde tafel", "")]
    [InlineData("Vergadering", "Commissie Ruimte")]
    public void CommitteeStages_AreRecognised_ByLocalNameOrGremium(string title, string committee) =>
        Assert.Equal(MeetingCategory.Committee, Match(title, committee).Category);

    [Theory]
    [InlineData("STRP Festival")]
    [InlineData("Nieuwjaarsreceptie")]
    [InlineData("Receptie na de begrotingsraad 2028")]
    public void FestivalsAndReceptions_AreNoCouncilMeetings(string title)
    {
        var match = Match(title);
        Assert.Equal(MeetingCategory.Other, match.Category);
        Assert.Empty(match.Moments);
    }

    [Theory]
    [InlineData("Beleidsplan Wmo 2028")]
    [InlineData("Maatschappelijke opvang")]
    [InlineData("Armoedebeleid en schuldhulpverlening")]
    [InlineData("Jeugdzorg in de regio")]
    [InlineData("Participatiewet")]
    [InlineData("Welzijnswerk")]
    public void SocialDomainWords_MatchTheirDutchForms(string item) =>
        Assert.True(Match("Meningsvorming", null, item).SocialDomain);

    [Fact]
    public void SocialDomainWords_MatchAtTheStartOfAWordOnly() =>
        Assert.False(Match("Gemeenteraad", null, "Verzorging van het groen").SocialDomain);

    [Fact]
    public void MeningsvormingWithASocialDomainItem_BringsSpeakingRightsNudges()
    {
        var match = Match("Meningsvorming", null, "Opening", "Voorjaarsnota 2028", "Beleidsplan Wmo en jeugd", "Sluiting");
        Assert.Equal((MeetingCategory.Committee, true), (match.Category, match.SocialDomain));
        var meeting = new CommitteeMeeting(1, MunicipalityCode.Parse("GM0772"), match.Primary!.Kind, new LocalDate(2028, 6, 20), "Meningsvorming");
        var director = new Recipient(7, new HashSet<MunicipalityCode> { MunicipalityCode.Parse("GM0772") }, new HashSet<string>(), Language.Nl, NudgeMode.Each);
        var nudges = SpeakingRights.Plan([meeting], [director], kind => ShippedRules.Rules.Find(kind)?.Audiences ?? [], new LocalDate(2028, 6, 1));
        Assert.Equal([SpeakingLead.WeekBefore, SpeakingLead.LastWorkingDay], nudges.Select(n => n.Lead));
    }

    [Fact]
    public void Steps_SayWhichRuleMatchedWhichText_AndWhyAnotherDidNot()
    {
        var match = Match("Gemeenteraad", null, "Zienswijze begroting 2028 GGD", "Kadernota 2028");
        Assert.Contains("agenda item 'Zienswijze begroting 2028 GGD': 'begroting 20' would name budget-debate, but 'zienswijze' rules it out", match.Steps);
        Assert.Contains("agenda item 'Kadernota 2028': 'kadernota' → framework-note (certain): in a council meeting", match.Steps);
    }

    [Fact]
    public void Parser_NamesFileRuleAndField()
    {
        var result = MeetingRulesParser.Parse("""
            { "committees": ["commissie"], "information": ["informatie"], "socialDomain": ["zorg"],
              "moments": [ { "kind": "budget-debat", "titles": ["begroting"] }, { "kind": "framework-note", "titles": ["ka"], "datesEnd": "yes" }, { "titles": [] } ] }
            """, Kinds);
        Assert.False(result.IsValid);
        var text = result.Problems.Select(p => p.ToString()).ToArray();
        string[] expected =
        [
            "meetings.json: rule 'framework-note', field 'titles[1]': 'ka' is not a word of at least 3 letters; a shorter one matches titles by accident.",
            "meetings.json: rule 'framework-note', field 'datesEnd': must be true or false, not a text.",
            "meetings.json: rule #3, field 'kind': is missing.",
            "meetings.json: rule #3, field 'titles': is empty; give at least one.",
            "meetings.json: rule 'budget-debat', field 'kind': 'budget-debat' is not a moment kind; expected one of: " + string.Join(", ", Kinds) + ".",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), text.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parser_ARuleFolderWithoutTheNewerLists_StillLoads()
    {
        var result = MeetingRulesParser.Parse("""
            { "committees": ["commissie"], "information": ["informatie"], "socialDomain": ["zorg"],
              "moments": [ { "kind": "framework-note", "titles": ["kadernota"] } ] }
            """, Kinds);
        Assert.True(result.IsValid);
        Assert.False(result.Rules!.Rule("framework-note")!.DatesEnd);
    }

    [Fact]
    public void ShippedRules_DateTheEndOfTheKadernotaAndAccountsWindows() =>
        Assert.Equal([true, true, false], new[] { "framework-note", "annual-accounts", "budget-debate" }.Select(k => Rules.Rule(k)!.DatesEnd));

    [Theory]
    [InlineData("\u00e6 broken", "is not valid JSON at line 1, column 1: nothing can start there (a missing quote, a comma too many, or a character that is not text).")]
    [InlineData("{\n  \"moments\": [\n", "is not valid JSON at line 3, column 1: the text ends before every {, [ and \" is closed.")]
    [InlineData("{ \"moments\": [] \"committees\": [] }", "is not valid JSON at line 1, column 17: a comma or a closing } or ] is missing.")]
    [InlineData("", "is not valid JSON at line 1, column 1: the file is empty.")]
    public void Parser_BrokenJson_SaysLineAndColumnInPlainWords(string json, string message) =>
        Assert.Equal($"meetings.json: the file: {message}", MeetingRulesParser.Parse(json, Kinds).Problems.Single().ToString());

    [Fact]
    public void Parser_RefusesBrokenJson() =>
        Assert.StartsWith("meetings.json: the file: is not valid JSON", MeetingRulesParser.Parse("{ nope", Kinds).Problems.Single().ToString(), StringComparison.Ordinal);
}
