using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Storage;
using Timing.Tests.Cli;
using Timing.Tests.Web;
using Timing.Tests.Worker;
using Timing.Core.Cycle;

namespace Timing.Tests.Meetings;

/// <summary>
/// The recurring job against a local HTTP server serving a recorded council calendar: conditional GET,
/// 429 with Retry-After, a source that fails for days, and the whole way to the feeds and the pickup folder.
/// </summary>
public class MeetingSyncTests
{
    private static async Task RunJobAsync(TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
    }

    private static void ConfigureSource(TimingFactory factory, string url)
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "source", "--municipality", "GM0344", "--ical", url, "--by", "beheer");
        Assert.Equal((0, ""), (result.Exit, result.Error));
    }

    [Fact]
    public async Task Job_BringsTheBudgetDebate_ToPublicFeedPersonalFeedAndANudgeOnTheRightWorkingDay()
    {
        using var server = new RecordedServer();
        server.Serve("/raad/vergaderingen.ics", File.ReadAllText(Recorded.CouncilIcs), "text/calendar");
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0));
        await using var factory = new TimingFactory(clock: clock);
        await factory.SeedAsync(("raadsleden@org.nl", Language.Nl, "councillors"));
        var token = Timing.Web.Secrets.NewToken();
        await factory.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.Email == "raadsleden@org.nl");
            db.FeedTokens.Add(new FeedToken { PersonId = person.Id, Hash = Timing.Web.Secrets.Hash(token) });
            return await db.SaveChangesAsync();
        });
        var client = factory.CreateClient();
        var before = await client.GetStringAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative));
        // By the rules the budget debate is a window of six weeks: an "opens" and a "closes" event.
        Assert.Contains("DTSTART;VALUE=DATE:20271001", MeetingImportTests.Event(before, "GM0344.budget-debate.2027.opens@"), StringComparison.Ordinal);
        await factory.PlanAsync();

        ConfigureSource(factory, server.Url("/raad/vergaderingen.ics"));
        await RunJobAsync(factory);

        var after = await client.GetStringAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative));
        Assert.DoesNotContain("GM0344.budget-debate.2027.opens@", after, StringComparison.Ordinal);
        var debate = MeetingImportTests.Event(after, "GM0344.budget-debate.2027@");
        Assert.Contains("DTSTART;VALUE=DATE:20271104", debate, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20271112", debate, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", debate, StringComparison.Ordinal);
        Assert.Contains("Algemene beschouwingen Programmabegroting 2028", MeetingImportTests.Unfold(debate), StringComparison.Ordinal);
        var personal = MeetingImportTests.Event(await client.GetStringAsync(new Uri($"/feeds/p/{token}.ics", UriKind.Relative)), "GM0344.budget-debate.2027@");
        Assert.Contains("DTSTART;VALUE=DATE:20271104", personal, StringComparison.Ordinal);

        // The nudge 14 days before Thursday 4 November 2027 is due on Thursday 21 October at 08:30 Amsterdam time;
        // the one planned from the rules (14 days before 1 October) is retracted.
        var nudges = await factory.WithDbAsync(db => db.Nudges.Where(n => n.Subject == "GM0344/budget-debate/2027").ToListAsync());
        Assert.Contains(nudges, n => n.State == NudgeStates.Pending && n.LeadId == "start-P14D" && n.Day == new LocalDate(2027, 10, 21));
        Assert.DoesNotContain(nudges, n => n.State == NudgeStates.Pending && n.Day < new LocalDate(2027, 10, 21));
        clock.Reset(Instant.FromUtc(2027, 10, 21, 6, 30));
        await factory.DispatchAsync();
        // The speaking-rights nudge for the committee of 28 October falls on the same day: the person's one mail of the
        // day carries both, and the moment's own line names the debate's new dates.
        var carrier = nudges.Single(n => n.State == NudgeStates.Pending && n.LeadId == "start-P14D" && n.Day == new LocalDate(2027, 10, 21)).Id;
        var carried = await factory.WithDbAsync(db => db.Nudges.Where(n => n.Id == carrier).Select(n => n.MessageId).SingleAsync());
        var only = Assert.Single(Browserless.Mails(factory), m => m.MessageId == carried);
        Assert.Equal("raadsleden@org.nl", only.To.Mailboxes.Single().Address);
        Assert.Contains("- Programmabegroting 2028 in de raad begint over 14 dagen – Utrecht: 4 november 2027 t/m 11 november 2027\n", only.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Utrecht: inspreken bij de commissie – Programmabegroting 2028 in de raad, do 28 okt 2027\n", only.TextBody, StringComparison.Ordinal);

        // Read again: the server answers 304 to the stored ETag and nothing changes.
        clock.Reset(Instant.FromUtc(2027, 10, 22, 7, 0));
        await RunJobAsync(factory);
        Assert.Equal(2, server.Requests.Count);
        Assert.NotNull(server.Requests.Last().IfNoneMatch);
        Assert.Equal(debate, MeetingImportTests.Event(await client.GetStringAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative)), "GM0344.budget-debate.2027@"));

        // The griffie moves the Begrotingsraad a day: the same event moves, with the next SEQUENCE.
        server.Serve("/raad/vergaderingen.ics", File.ReadAllText(Recorded.CouncilIcs).Replace("20271111T", "20271112T", StringComparison.Ordinal), "text/calendar");
        clock.Reset(Instant.FromUtc(2027, 10, 23, 7, 0));
        await RunJobAsync(factory);
        var moved = MeetingImportTests.Event(await client.GetStringAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative)), "GM0344.budget-debate.2027@");
        Assert.Contains("DTEND;VALUE=DATE:20271113", moved, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", moved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingSource_IsRetriedAfterRetryAfter_KeepsItsMeetings_AndMailsDirectorsOnceAfterThreeDays()
    {
        using var server = new RecordedServer();
        server.Serve("/cal.ics", File.ReadAllText(Recorded.CouncilIcs), "text/calendar");
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0));
        await using var factory = new TimingFactory(clock: clock);
        await factory.SeedAsync();
        await factory.WithDbAsync(async db =>
        {
            var organisationId = (await db.People.SingleAsync(p => p.Email == "directeur@org.nl")).OrganisationId;
            db.People.Add(new Person { Email = "director@org.nl", OrganisationId = organisationId, Role = Roles.Director, Language = Language.En, Accepted = clock.GetCurrentInstant() });
            // The Dutch director also directs another organisation that follows the municipality: still one mail to that address.
            var elders = db.Organisations.Add(new Organisation { Name = "Elders", Created = clock.GetCurrentInstant() }).Entity;
            await db.SaveChangesAsync();
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = elders.Id, Code = "GM0344", Name = "Utrecht" });
            db.People.Add(new Person { Email = "directeur@org.nl", OrganisationId = elders.Id, Role = Roles.Director, Accepted = clock.GetCurrentInstant() });
            return await db.SaveChangesAsync();
        });
        ConfigureSource(factory, server.Url("/cal.ics"));
        await RunJobAsync(factory);
        var meetings = await factory.WithDbAsync(db => db.Meetings.CountAsync());
        Assert.Equal(11, meetings);

        // 429 with Retry-After: 7200 seconds; the job does not ask again before then.
        server.Fail("/cal.ics", 429, "7200");
        clock.AdvanceHours(7);
        await RunJobAsync(factory);
        var requests = server.Requests.Count;
        clock.AdvanceHours(1);
        await RunJobAsync(factory);
        Assert.Equal(requests, server.Requests.Count);
        clock.AdvanceHours(2);
        await RunJobAsync(factory);
        Assert.Equal(requests + 1, server.Requests.Count);

        // A calendar whose every date the import refuses (year 2427) is as blind as an empty one.
        server.Serve("/cal.ics", System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Recorded.CouncilIcs), @"(DTSTART[^:\r\n]*:)\d{4}", "${1}2427"), "text/calendar");
        clock.AdvanceHours(2);
        await RunJobAsync(factory);
        Assert.Contains("shows no meetings at all", (await factory.WithDbAsync(db => db.MeetingSources.SingleAsync())).LastError.En, StringComparison.Ordinal);
        Assert.Equal(11, await factory.WithDbAsync(db => db.Meetings.CountAsync()));

        // A blind source (errors, then an HTML page) is never read as "no meetings".
        server.Serve("/cal.ics", "<html>onderhoud</html>", "text/html");
        for (var hour = 0; hour < 80; hour += 2)
        {
            clock.AdvanceHours(2);
            await RunJobAsync(factory);
        }
        Assert.Equal(11, await factory.WithDbAsync(db => db.Meetings.CountAsync()));
        var source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        Assert.NotNull(source.FailingSince);
        Assert.Contains("not an iCalendar file", source.LastError.En, StringComparison.Ordinal);
        Assert.Contains("geen iCalendar-bestand", source.LastError.Nl, StringComparison.Ordinal);
        // One mail per director, all of it in the director's language, the reason included.
        var failureMails = Browserless.Mails(factory).Where(m => (m.MessageId ?? "").StartsWith("source-failure.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, failureMails.Length);
        var dutch = Assert.Single(failureMails, m => m.To.Mailboxes.Single().Address == "directeur@org.nl");
        Assert.Contains("dagen niet te lezen", dutch.Subject, StringComparison.Ordinal);
        Assert.Contains("het antwoord is geen iCalendar-bestand (het begint niet met BEGIN:VCALENDAR)", dutch.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("not an iCalendar file", dutch.TextBody, StringComparison.Ordinal);
        var english = Assert.Single(failureMails, m => m.To.Mailboxes.Single().Address == "director@org.nl");
        Assert.Contains("cannot be read for", english.Subject, StringComparison.Ordinal);
        Assert.Contains("the answer is not an iCalendar file (it does not start with BEGIN:VCALENDAR)", english.TextBody, StringComparison.Ordinal);

        // Working again: the failure is cleared.
        server.Serve("/cal.ics", File.ReadAllText(Recorded.CouncilIcs), "text/calendar");
        clock.AdvanceHours(2);
        await RunJobAsync(factory);
        source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        Assert.Equal(((Instant?)null, (Instant?)null, new LocalDate(2027, 11, 18)), (source.FailingSince, source.FailureMailSent, source.SeesUntil));
    }
}
