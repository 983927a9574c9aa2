using Timing.Tests.Meetings;

namespace Timing.Tests.Cli;

/// <summary><c>timing meetings explain</c>: which rule matched which title or agenda item, and why another did not.</summary>
public class MeetingsExplainCommandTests
{
    [Fact]
    public void TypedTitle_WithAgendaItems_SaysWhichItemDatesWhatAndWhyAnotherDoesNot()
    {
        var result = CliRunner.Run("meetings", "explain", "--title", "Gemeenteraad",
            "--item", "1 Opening", "--item", "Zienswijze begroting 2028 GGD", "--item", "5 Programmabegroting 2026");

        Assert.Equal((0, ""), (result.Exit, result.Error));
        Says(result.Output,
            "Vergadering / meeting: 'Gemeenteraad'",
            "  category: council — no hearing, information or committee word in the title or committee name",
            "  agenda item '1 Opening': no moment word",
            "  agenda item 'Zienswijze begroting 2028 GGD': 'begroting 20' would name budget-debate, but 'zienswijze' rules it out",
            "  → budget-debate (zeker / certain) — agendapunt / agenda item '5 Programmabegroting 2026'");
    }

    [Fact]
    public void TypedHandover_IsOnlyToConfirm_AndSaysWhy()
    {
        var result = CliRunner.Run("meetings", "explain", "--title", "Aanbieden Kadernota 2020");

        Assert.Equal(0, result.Exit);
        Says(result.Output,
            "category: information — 'aanbied' in the title",
            "  → framework-note? bevestigen / to confirm — titel / title: 'kadernota' nothing is decided in this session");
    }

    [Fact]
    public void TypedCancellation_SaysItIsLeftOut()
    {
        var result = CliRunner.Run("meetings", "explain", "--title", "Inspraakavond kadernota 2020 (geannuleerd)");

        Assert.Equal(0, result.Exit);
        Says(result.Output, "title: 'geannuleerd' says the meeting is cancelled", "geannuleerd: wordt weggelaten / cancelled: left out");
    }

    [Fact]
    public void StoredMeeting_ByDateAndTitle_OrById_ExplainsTheTitleAndShowsWhatWasStored()
    {
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database, ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv };
        Assert.Equal(0, CliRunner.Run(settings, "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs).Exit);

        var byTitle = CliRunner.Run(settings, "meetings", "explain", "--municipality", "GM0344", "--date", "2027-06-10", "--title", "Commissie Bestuur en Middelen: Kadernota 2028");
        Assert.Equal((0, ""), (byTitle.Exit, byTitle.Error));
        Says(byTitle.Output,
            "Vergadering / meeting: 'Commissie Bestuur en Middelen: Kadernota 2028' [Commissie Bestuur en Middelen] 2027-06-10 (GM0344, #",
            "title: 'kadernota' → framework-note (to confirm): a committee meeting: the council debate may be another day",
            "Opgeslagen / stored: committee, framework-note, te bevestigen / to confirm");

        var id = System.Text.RegularExpressions.Regex.Match(byTitle.Output, @"\(GM0344, #(\d+),").Groups[1].Value;
        var byId = CliRunner.Run(settings, "meetings", "explain", "--municipality", "GM0344", "--id", id);
        Assert.Equal(byTitle.Output, byId.Output);

        // The agenda given on the command line is read with the stored title.
        var withItems = CliRunner.Run(settings, "meetings", "explain", "--municipality", "GM0344", "--id", id, "--item", "Beleidsplan Wmo 2028");
        Assert.Contains("social domain: 'wmo' in agenda item 'Beleidsplan Wmo 2028'", withItems.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownStoredMeeting_OrMissingTitle_IsRefusedWithWhatIsExpected()
    {
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        var settings = new Dictionary<string, string?> { ["Storage:SqlitePath"] = database };
        var missing = CliRunner.Run(settings, "meetings", "explain", "--municipality", "GM0344", "--id", "nope@raad.example.nl");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("GM0344: geen opgeslagen vergadering gevonden / no stored meeting found", missing.Error, StringComparison.Ordinal);

        var nothing = CliRunner.Run("meetings", "explain");
        Assert.Equal(2, nothing.Exit);
        Assert.Contains("give --title (and --item lines), or --municipality with --id or --date and --title; expected: timing meetings explain", nothing.Error, StringComparison.Ordinal);
    }

    private static void Says(string output, params string[] lines)
    {
        foreach (var line in lines)
        {
            Assert.Contains(line, output, StringComparison.Ordinal);
        }
    }
}
