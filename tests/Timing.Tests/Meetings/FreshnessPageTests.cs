using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Storage;
using Timing.Tests.Cli;
using Timing.Tests.Web;
using Timing.Tests.Worker;

namespace Timing.Tests.Meetings;

/// <summary>
/// Honest freshness: a municipality's pages say where its dates come from and how far ahead the source sees, and a
/// source that is not connected, not read yet, failing or suddenly empty is never shown as "no meetings".
/// </summary>
public class FreshnessPageTests
{
    private static async Task<string> PublicPageAsync(TimingFactory factory, string query = "") =>
        WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/gemeenten/GM0344/openbaar" + query, UriKind.Relative)));

    private static async Task RunJobAsync(TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
    }

    [Fact]
    public async Task EveryStateOfTheSource_IsSaidInWords_AndNoneReadsAsNoMeetings()
    {
        using var server = new RecordedServer();
        server.Fail("/cal.ics", 503);
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0));
        await using var factory = new TimingFactory(clock: clock);
        await factory.SeedAsync();

        // Nothing connected: the rules and facts, and no claim about meetings.
        var page = await PublicPageAsync(factory);
        Assert.Contains("Er is geen vergaderkalender van de raad gekoppeld. De data komen uit de regels en uit de openbare feiten hieronder.", page, StringComparison.Ordinal);
        Assert.Contains("Timing kent de vergaderingen van deze gemeente niet: er is geen vergaderkalender gekoppeld.", page, StringComparison.Ordinal);
        Assert.Contains("No council meeting calendar is connected.", await PublicPageAsync(factory, "?lang=en"), StringComparison.Ordinal);

        // Connected, not read yet.
        Assert.Equal(0, CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "source", "--municipality", "GM0344", "--ical", server.Url("/cal.ics")).Exit);
        page = await PublicPageAsync(factory);
        // The address by host only: a path or query may hold a key.
        Assert.Contains($"Vergaderkalender: de iCalendar-export van de raad ({Host(server)}).", page, StringComparison.Ordinal);
        Assert.Contains("Nog niet gelezen: de achtergrondtaak leest de kalender binnen het uur.", page, StringComparison.Ordinal);
        Assert.Contains("Nog niet bekend: de vergaderkalender is nog niet gelezen.", page, StringComparison.Ordinal);

        // The first read fails: the page says so, and that the meetings are unknown.
        await RunJobAsync(factory);
        page = await PublicPageAsync(factory);
        Assert.Contains("Deze bron is nog nooit met succes gelezen.", page, StringComparison.Ordinal);
        Assert.Contains($"De vergaderkalender is sinds 1 oktober 2027 om 09:00 niet te lezen ({Host(server)} antwoordde 503 Service Unavailable; de bron vraagt te wachten).", page, StringComparison.Ordinal);
        // The reason in the reader's language: English on the English page.
        Assert.Contains($"The meeting calendar cannot be read since 1 October 2027 at 09:00 ({Host(server)}: 503 Service Unavailable; asked to wait).",
            await PublicPageAsync(factory, "?lang=en"), StringComparison.Ordinal);
        Assert.Contains("Welke vergaderingen eraan komen, is nu niet bekend: de vergaderkalender is niet te lezen (zie hierboven). Dat betekent niet dat er geen zijn.", page, StringComparison.Ordinal);

        // It works: when it was read and how far ahead it sees, here and on the organisation's own page of the municipality.
        server.Serve("/cal.ics", File.ReadAllText(Recorded.CouncilIcs), "text/calendar");
        clock.AdvanceHours(2);
        await RunJobAsync(factory);
        page = await PublicPageAsync(factory);
        Assert.Contains("Laatst gelezen: 1 oktober 2027 om 11:00. De bron toont vergaderingen tot en met 18 november 2027; wat daarna komt, weet Timing nog niet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("niet te lezen", page, StringComparison.Ordinal);
        var director = factory.Client();
        await director.SignInAsync(factory, "directeur@org.nl");
        var detail = WebUtility.HtmlDecode(await director.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative)));
        Assert.Contains($"Vergaderkalender: de iCalendar-export van de raad ({Host(server)}), laatst gelezen 1 oktober 2027 om 11:00, toont vergaderingen tot en met 18 november 2027.", detail, StringComparison.Ordinal);

        // The export suddenly holds no meeting at all, while meetings ahead were read before: blind, not empty.
        server.Serve("/cal.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Griffie//NL\r\nEND:VCALENDAR\r\n", "text/calendar");
        clock.AdvanceHours(7);
        await RunJobAsync(factory);
        var source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        Assert.Contains("the source shows no meetings at all, while an earlier read showed 4 meeting(s) still ahead", source.LastError.En, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2027, 11, 18), source.SeesUntil);
        page = await PublicPageAsync(factory);
        Assert.Contains("Deze lijst is van de laatste geslaagde lezing (1 oktober 2027 om 11:00); nieuwe of verschoven vergaderingen ontbreken.", page, StringComparison.Ordinal);
        Assert.Contains("Algemene beschouwingen Programmabegroting 2028", page, StringComparison.Ordinal);
        detail = WebUtility.HtmlDecode(await director.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative)));
        Assert.Contains("Let op: de vergaderkalender van de raad is sinds 1 oktober 2027 om 18:00 niet te lezen", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneOffImport_WithoutAConnectedSource_SaysWhenAndHowFarItReached()
    {
        await using var factory = new TimingFactory(clock: new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0)));
        Assert.Equal(0, CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs).Exit);
        var page = await PublicPageAsync(factory);
        // The command line's clock stands at 22 November 2026, 10:00 in Amsterdam.
        Assert.Contains("Er is geen vergaderkalender gekoppeld die Timing geregeld leest. Vergaderingen zijn eenmalig ingelezen, voor het laatst op 22 november 2026 om 10:00; ze lopen tot en met 18 november 2027.", page, StringComparison.Ordinal);
        Assert.Contains("Meetings were imported once", await PublicPageAsync(factory, "?lang=en"), StringComparison.Ordinal);
        // Facts, meetings and changes name their moments as readers know them, never by key.
        Assert.Contains("<td data-label=\"Moment\">Programmabegroting 2028 in de raad</td><td data-label=\"Datum\">4 november 2027 t/m 11 november 2027</td>", page, StringComparison.Ordinal);
        Assert.Contains("Programmabegroting 2028 in de raad (nog niet bevestigd)", page, StringComparison.Ordinal);
        Assert.Contains(">vergaderkalender (iCalendar)</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("budget-debate", page.Replace("/momenten/budget-debate/", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkippedEvents_AreCountedInTheSourcesStatus_InTheReadersLanguage()
    {
        using var server = new RecordedServer();
        server.Serve("/cal.ics", MeetingImportTests.WithMistakes, "text/calendar");
        await using var factory = new TimingFactory(clock: new FakeClock(Instant.FromUtc(2027, 1, 4, 7, 0)));
        Assert.Equal(0, CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "source", "--municipality", "GM0344", "--ical", server.Url("/cal.ics")).Exit);

        await RunJobAsync(factory);

        var source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        // How far ahead the source sees counts the meetings kept, not the year 2400.
        Assert.Equal(((LocalDate?)new LocalDate(2027, 6, 10), 1), (source.SeesUntil, source.MeetingsSeen));
        Assert.Contains("Weggelaten bij die lezing: 1 vergadering overgeslagen: zonder begindatum (DTSTART); 1 vergadering overgeslagen: zonder titel (SUMMARY); 2 vergaderingen overgeslagen: datum buiten de jaren 1900–2199.",
            await PublicPageAsync(factory), StringComparison.Ordinal);
        Assert.Contains("Left out at that read: 1 event skipped: no start date (DTSTART); 1 event skipped: no title (SUMMARY); 2 events skipped: date outside the years 1900–2199.",
            await PublicPageAsync(factory, "?lang=en"), StringComparison.Ordinal);
    }

    /// <summary>How pages name the local server: by host and port only, never its path.</summary>
    private static string Host(RecordedServer server) => $"127.0.0.1:{server.Port}";
}
