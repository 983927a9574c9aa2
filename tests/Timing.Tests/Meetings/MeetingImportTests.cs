using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Storage;
using Timing.Tests.Cli;
using Timing.Tests.Web;
using Timing.Tests.Worker;
using Timing.Web;

namespace Timing.Tests.Meetings;

/// <summary>
/// <c>timing meetings import</c> with a council's calendar, then <c>timing plan</c>, the public feed and two
/// organisations' pages, all on one real SQLite file.
/// </summary>
public class MeetingImportTests
{
    private static Dictionary<string, string?> Settings(string database) => new()
    {
        ["Storage:SqlitePath"] = database,
        ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
    };

    /// <summary>A council calendar holding these events' lines, as a griffie exports it.</summary>
    internal static string Calendar(params string[] events) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Griffie//NL", .. events, "END:VCALENDAR", ""]);

    /// <summary>A new database file's path, and a calendar file beside it.</summary>
    private static (string Database, string Ics) NewDatabaseAndCalendar(string calendar)
    {
        var folder = TestPaths.NewScratchDirectory();
        var ics = Path.Combine(folder, "council.ics");
        File.WriteAllText(ics, calendar);
        return (Path.Combine(folder, "timing.db"), ics);
    }

    private static readonly string[] Plan2027 = ["plan", "--municipality", "GM0344", "--from", "2027-01-01", "--to", "2027-12-31", "--format", "json"];

    [Fact]
    public async Task Import_DatesBudgetKadernotaAndAccounts_InPlanFeedAndEveryOrganisation()
    {
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        var import = CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs);
        Assert.Equal((0, ""), (import.Exit, import.Error));
        Assert.Contains("2027-11-04  Algemene beschouwingen Programmabegroting 2028 [Gemeenteraad]  raad / council  → budget-debate (zeker / certain)", import.Output, StringComparison.Ordinal);
        Assert.Contains("2027-11-18  Vragenhalfuur en moties vreemd aan de orde [Gemeenteraad]  raad / council  geen moment / no moment", import.Output, StringComparison.Ordinal);
        Assert.Contains("2027-06-10  Commissie Bestuur en Middelen: Kadernota 2028 [Commissie Bestuur en Middelen]  commissie / committee  → framework-note? bevestigen", import.Output, StringComparison.Ordinal);
        Assert.Contains("budget-debate/2027: 2027-11-04/2027-11-11 (basis local)", import.Output, StringComparison.Ordinal);

        // timing plan reads the facts from the configured database, and never writes to it.
        var before = Snapshot(database);
        var plan = CliRunner.Run(Settings(database), Plan2027);
        Assert.Equal((0, ""), (plan.Exit, plan.Error));
        Assert.Equal(before, Snapshot(database));
        var moments = Moments(plan.Output);
        AssertLocal(moments, "budget-debate", "2027-11-04", "2027-11-11", "Algemene beschouwingen Programmabegroting 2028");
        // The kadernota and the accounts are windows: the council meeting dates their end, and they keep their start.
        AssertLocal(moments, "framework-note", "2027-06-01", "2027-06-24", "Raadsvergadering Kadernota 2028");
        AssertLocal(moments, "annual-accounts", "2027-05-03", "2027-07-01", "Raadsvergadering Jaarstukken 2026");

        // The steps before the kadernota vote move with it: the committee window ends on the committee day, 10 June.
        var committee = moments.Single(m => m.GetProperty("kind").GetString() == "framework-note-committee");
        Assert.Equal(("2027-05-28", "2027-06-10"), (committee.GetProperty("start").GetString(), committee.GetProperty("end").GetString()));

        // Everything else, including what unmatched meetings might have touched, is what the rules say.
        var rules = Moments(CliRunner.Run(Settings(database), [.. Plan2027, "--rules-only"]).Output);
        Assert.Equal("typical", rules.Single(m => m.GetProperty("kind").GetString() == "budget-debate").GetProperty("basis").GetString());
        string[] dated = ["budget-debate", "framework-note", "annual-accounts", "framework-note-college", "framework-note-publication", "framework-note-committee"];
        Assert.Equal(
            rules.Where(m => !dated.Contains(m.GetProperty("kind").GetString())).Select(m => m.GetRawText()),
            moments.Where(m => !dated.Contains(m.GetProperty("kind").GetString())).Select(m => m.GetRawText()));

        // The public feed and two organisations see the same dates.
        await using var factory = new TimingFactory(database);
        var feed = await factory.CreateClient().GetStringAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative));
        var debate = Event(feed, "GM0344.budget-debate.2027");
        Assert.Contains("DTSTART;VALUE=DATE:20271104", debate, StringComparison.Ordinal);
        Assert.Contains("Algemene beschouwingen Programmabegroting 2028", Unfold(debate), StringComparison.Ordinal);
        // A window shows as its opening and its close; the council meeting is the close.
        Assert.Contains("DTSTART;VALUE=DATE:20270601", Event(feed, "GM0344.framework-note.2027.opens"), StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270624", Event(feed, "GM0344.framework-note.2027.closes"), StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270503", Event(feed, "GM0344.annual-accounts.2027.opens"), StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20270701", Event(feed, "GM0344.annual-accounts.2027.closes"), StringComparison.Ordinal);

        var first = await factory.CreateDirectorAsync("a@welzijn-a.nl", "Welzijn A");
        var second = await factory.CreateDirectorAsync("b@welzijn-b.nl", "Welzijn B");
        await factory.WithDbAsync(async db =>
        {
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = first.OrganisationId, Code = "GM0344", Name = "Utrecht" });
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = second.OrganisationId, Code = "GM0344", Name = "Utrecht" });
            return await db.SaveChangesAsync();
        });
        foreach (var organisation in new[] { first.OrganisationId, second.OrganisationId })
        {
            using var scope = factory.Services.CreateScope();
            var view = (await scope.ServiceProvider.GetRequiredService<PageData>().MunicipalitiesAsync(organisation, CancellationToken.None)).Single();
            var budget = view.Timeline.Find("budget-debate", 2027)!;
            Assert.Equal(("2027-11-04", Core.Cycle.Basis.Local), (budget.Start.ToString("yyyy-MM-dd", null), budget.Basis));
        }
    }

    [Fact]
    public void Import_OfOnlyUnmatchedMeetings_ChangesNothing()
    {
        var (database, ics) = NewDatabaseAndCalendar(Calendar(
            "BEGIN:VEVENT", "UID:plain-1@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART:20271104T183000Z",
            "SUMMARY:Vergadering van de gemeenteraad", "END:VEVENT",
            "BEGIN:VEVENT", "UID:plain-2@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART;VALUE=DATE:20270624",
            "SUMMARY:Presidium", "END:VEVENT"));
        var rulesOnly = CliRunner.Run(Settings(database), [.. Plan2027, "--rules-only"]).Output;
        var import = CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", ics);
        Assert.Equal(0, import.Exit);
        Assert.Contains("Openbare feiten ongewijzigd / public facts unchanged.", import.Output, StringComparison.Ordinal);
        Assert.Equal(rulesOnly, CliRunner.Run(Settings(database), Plan2027).Output);
    }

    [Fact]
    public void Reimport_SetsNothingTwice_AndARevertStands()
    {
        var database = Path.Combine(TestPaths.NewScratchDirectory(), "timing.db");
        CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs);
        var again = CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs);
        Assert.Contains("11 vergaderingen gelezen / meetings read (0 nieuw / new).", again.Output, StringComparison.Ordinal);
        Assert.Contains("Openbare feiten ongewijzigd / public facts unchanged.", again.Output, StringComparison.Ordinal);

        var revert = CliRunner.Run(Settings(database), "facts", "revert", "--municipality", "GM0344", "--kind", "budget-debate", "--cycle", "2027", "--by", "beheer");
        Assert.Equal((0, ""), (revert.Exit, revert.Error));
        Assert.Contains("nu geldt de regel / the rules apply again.", revert.Output, StringComparison.Ordinal);
        Assert.Equal("typical", Moments(CliRunner.Run(Settings(database), Plan2027).Output).Single(m => m.GetProperty("kind").GetString() == "budget-debate").GetProperty("basis").GetString());

        // The same calendar read again does not undo the operator's revert; the history keeps both.
        CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs);
        Assert.Equal("typical", Moments(CliRunner.Run(Settings(database), Plan2027).Output).Single(m => m.GetProperty("kind").GetString() == "budget-debate").GetProperty("basis").GetString());
        var history = CliRunner.Run(Settings(database), "facts", "list", "--municipality", "GM0344").Output;
        Assert.Contains("reverted", history, StringComparison.Ordinal);
        Assert.Contains("operator:beheer", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LinkThatIsNoHttpAddress_IsDroppedWithAWarning_AndNeverShownAsALink()
    {
        // Regression: a javascript: URL in a council calendar reached the public page as a clickable link.
        var (database, ics) = NewDatabaseAndCalendar(Calendar(
            "BEGIN:VEVENT", "UID:begroting@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART:20271104T183000Z",
            "SUMMARY:Algemene beschouwingen Programmabegroting 2028", "URL:javascript:alert(document.cookie)", "END:VEVENT",
            "BEGIN:VEVENT", "UID:kadernota@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART:20270624T183000Z",
            "SUMMARY:Raadsvergadering Kadernota 2028", "URL:ftp://raad.example.nl/kadernota", "END:VEVENT",
            "BEGIN:VEVENT", "UID:jaarstukken@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART:20270701T183000Z",
            "SUMMARY:Raadsvergadering Jaarstukken 2026", "URL:https://raad.example.nl/vergaderingen/jaarstukken", "END:VEVENT",
            "BEGIN:VEVENT", "UID:presidium@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART:20271201T183000Z",
            "SUMMARY:Presidium", "URL:/vergaderingen/presidium", "END:VEVENT"));

        var import = CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", ics);

        Assert.Equal((0, ""), (import.Exit, import.Error));
        Assert.Contains("Let op: 3 links weggelaten: geen absoluut http(s)-adres. / Note: 3 links dropped: not an absolute http(s) address.", import.Output, StringComparison.Ordinal);
        await using var factory = new TimingFactory(database);
        var urls = await factory.WithDbAsync(db => db.Meetings.OrderBy(m => m.Date).Select(m => m.Url).ToListAsync());
        Assert.Equal(["", "https://raad.example.nl/vergaderingen/jaarstukken", "", ""], urls);
        var page = await factory.CreateClient().GetStringAsync(new Uri("/gemeenten/GM0344/openbaar", UriKind.Relative));
        Assert.DoesNotContain("javascript:", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ftp:", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://raad.example.nl/vergaderingen/jaarstukken\"", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// A council calendar with typing mistakes: a budget debate in 2400 and a meeting in 1850 (outside the years Timing
    /// plans), an event without a start, one without a title, and one good committee meeting on 10 June 2027.
    /// </summary>
    internal static readonly string WithMistakes = Calendar(
        "BEGIN:VEVENT", "UID:typo-2400@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART;VALUE=DATE:24001104",
        "SUMMARY:Algemene beschouwingen Programmabegroting 2401", "END:VEVENT",
        "BEGIN:VEVENT", "UID:typo-1850@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART;VALUE=DATE:18500624",
        "SUMMARY:Raadsvergadering", "END:VEVENT",
        "BEGIN:VEVENT", "UID:no-start@raad.example.nl", "DTSTAMP:20261120T080000Z", "SUMMARY:Presidium", "END:VEVENT",
        "BEGIN:VEVENT", "UID:no-title@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART;VALUE=DATE:20270617", "END:VEVENT",
        "BEGIN:VEVENT", "UID:good@raad.example.nl", "DTSTAMP:20261120T080000Z", "DTSTART:20270610T173000Z",
        "SUMMARY:Commissie Bestuur en Middelen", "END:VEVENT");

    [Fact]
    public async Task Import_EventsOutsideThePlannedYearsOrUnreadable_AreSkippedAndCounted()
    {
        // Regression: a meeting in 2400 was stored (and dated a budget debate), and events without a start or a title vanished unsaid.
        var (database, ics) = NewDatabaseAndCalendar(WithMistakes);

        var import = CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", ics);

        Assert.Equal((0, ""), (import.Exit, import.Error));
        Assert.Contains("GM0344: 1 vergaderingen gelezen / meetings read (1 nieuw / new).", import.Output, StringComparison.Ordinal);
        Assert.Contains("Let op: 2 vergaderingen overgeslagen: datum buiten de jaren 1900–2199. / Note: 2 events skipped: date outside the years 1900–2199.", import.Output, StringComparison.Ordinal);
        Assert.Contains("Let op: 1 vergadering overgeslagen: zonder begindatum (DTSTART). / Note: 1 event skipped: no start date (DTSTART).", import.Output, StringComparison.Ordinal);
        Assert.Contains("Let op: 1 vergadering overgeslagen: zonder titel (SUMMARY). / Note: 1 event skipped: no title (SUMMARY).", import.Output, StringComparison.Ordinal);
        Assert.Contains("Openbare feiten ongewijzigd / public facts unchanged.", import.Output, StringComparison.Ordinal);
        await using var factory = new TimingFactory(database);
        Assert.Equal(["good@raad.example.nl"], await factory.WithDbAsync(db => db.Meetings.Select(m => m.ExternalId).ToListAsync()));
    }

    [Fact]
    public void Import_OfSomethingElse_IsRefusedAndStoresNothing()
    {
        var folder = TestPaths.NewScratchDirectory();
        var database = Path.Combine(folder, "timing.db");
        var html = Path.Combine(folder, "agenda.html");
        File.WriteAllText(html, "<html><body>Vergaderkalender</body></html>");
        var result = CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", html);
        Assert.Equal(1, result.Exit);
        Assert.Contains("not an iCalendar file", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run(Settings(database), "meetings", "import", "--municipality", "GM0344", Path.Combine(folder, "missing.ics")).Exit);
    }

    private static void AssertLocal(JsonElement[] moments, string kind, string start, string end, string meeting)
    {
        var moment = moments.Single(m => m.GetProperty("kind").GetString() == kind);
        Assert.Equal((start, end, "local"), (moment.GetProperty("start").GetString(), moment.GetProperty("end").GetString(), moment.GetProperty("basis").GetString()));
        Assert.Contains(meeting, moment.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    private static JsonElement[] Moments(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("moments").EnumerateArray().ToArray();

    /// <summary>The database files' bytes: unchanged bytes mean nothing was written.</summary>
    private static string Snapshot(string database) => string.Join('|', new[] { database, database + "-wal", database + "-shm" }
        .Where(File.Exists).Select(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));

    internal static string Event(string feed, string uidPrefix)
    {
        var start = feed.IndexOf("UID:" + uidPrefix, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no event {uidPrefix} in the feed");
        var begin = feed.LastIndexOf("BEGIN:VEVENT", start, StringComparison.Ordinal);
        var end = feed.IndexOf("END:VEVENT", start, StringComparison.Ordinal);
        return feed[begin..end];
    }

    internal static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal);
}
