using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Storage;
using Timing.Tests.Cli;
using Timing.Tests.Web;
using Timing.Tests.Worker;

namespace Timing.Tests.Meetings;

/// <summary>
/// Speaking rights: a committee meeting on a moment a person follows brings a nudge a week before and on the last
/// working day before it, planned by the worker from the council's calendar and sent through the real mail server.
/// </summary>
[Trait("Needs", "smtp-server")]
public class SpeakingRightsTests
{
    /// <summary>In the recorded calendar, the Commissie Mens en Samenleving discusses the Programmabegroting 2028 on Thursday 28 October 2027 at 19:30.</summary>
    private const string CommitteeUid = "cms-2027-10-28@raad.example.nl";

    private static async Task RunJobAsync(TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
    }

    private static void Connect(TimingFactory factory, string url) =>
        Assert.Equal(0, CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "source", "--municipality", "GM0344", "--ical", url).Exit);

    private static Task<List<Nudge>> SpeakingNudgesAsync(TimingFactory factory) =>
        factory.WithDbAsync(db => db.Nudges.Where(n => n.Kind == NudgeKinds.Speaking).OrderBy(n => n.Day).ThenBy(n => n.PersonId).ToListAsync());

    [Fact]
    public async Task CommitteeOnTheBudget_NudgesAWeekBeforeAndOnTheLastWorkingDay_ThroughTheMailServer_InEachPersonsLanguage()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        using var server = new RecordedServer();
        server.Serve("/raad/vergaderingen.ics", File.ReadAllText(Recorded.CouncilIcs), "text/calendar");
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0));
        await using var factory = new TimingFactory(clock: clock, settings: smtp.Settings);
        await factory.SeedAsync(("financien@org.nl", Core.Cycle.Language.Nl, "finance"), ("board@org.nl", Core.Cycle.Language.En, ""), ("partijen@org.nl", Core.Cycle.Language.Nl, "parties"));
        Connect(factory, server.Url("/raad/vergaderingen.ics"));

        // The worker reads the calendar and plans; nobody follows the parties' audience at a budget committee.
        await RunJobAsync(factory);
        var committee = await factory.WithDbAsync(db => db.Meetings.SingleAsync(m => m.ExternalId == CommitteeUid));
        var planned = await SpeakingNudgesAsync(factory);
        var people = await factory.WithDbAsync(db => db.People.ToDictionaryAsync(p => p.Id, p => p.Email));
        Assert.Equal(
            [
                ("financien@org.nl", "2027-10-21", "speak-P7D"), ("board@org.nl", "2027-10-21", "speak-P7D"),
                ("financien@org.nl", "2027-10-27", "speak-last"), ("board@org.nl", "2027-10-27", "speak-last"),
            ],
            planned.Select(n => (people[n.PersonId], n.Day.ToString("yyyy-MM-dd", null), n.LeadId))
                .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenByDescending(x => x.Item1, StringComparer.Ordinal));
        Assert.All(planned, n => Assert.Equal($"GM0344/meeting/{committee.Id}", n.Subject));

        // Day by day at 08:30 the dispatcher sends what is due.
        var arrivals = new Dictionary<string, (LocalDate Day, MimeMessage Message)>();
        for (var day = new LocalDate(2027, 10, 1); day <= new LocalDate(2027, 10, 29); day = day.PlusDays(1))
        {
            clock.Reset(day.At(new LocalTime(8, 31)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
            await factory.DispatchAsync();
            foreach (var message in smtp.Messages().Where(m => !arrivals.ContainsKey(m.MessageId ?? "")))
            {
                arrivals[message.MessageId ?? ""] = (day, message);
            }
        }
        // A person's reminders of a day travel in one mail: the speaking mails are those that carried a speaking-rights nudge.
        var carried = (await SpeakingNudgesAsync(factory)).Select(n => n.MessageId).ToHashSet();
        var speaking = arrivals.Values.Where(a => carried.Contains(a.Message.MessageId)).ToArray();
        Assert.Equal(4, speaking.Length);
        Assert.DoesNotContain(speaking, a => a.Message.To.Mailboxes.Single().Address == "partijen@org.nl");

        // A week before, the budget debate's own reminder (14 days before 4 November) falls on the same day: one mail
        // with a line per moment, the speaking right first, since its meeting is the sooner.
        var week = speaking.Single(a => a.Message.To.Mailboxes.Single().Address == "financien@org.nl" && a.Day == new LocalDate(2027, 10, 21)).Message;
        Assert.Equal("Utrecht: inspreken bij de commissie – Programmabegroting 2028 in de raad, do 28 okt 2027 en 1 ander moment", week.Subject);
        Assert.Equal("nl", week.Body!.Headers["Content-Language"]);
        var text = week.TextBody;
        Assert.Contains("- Utrecht: inspreken bij de commissie – Programmabegroting 2028 in de raad, do 28 okt 2027\n", text, StringComparison.Ordinal);
        Assert.Contains("Op donderdag 28 oktober 2027 om 19.30 uur vergadert een commissie van de gemeenteraad van Utrecht: Commissie Mens en Samenleving: Programmabegroting 2028.", text, StringComparison.Ordinal);
        Assert.Contains("https://raad.example.nl/vergaderingen/cms-2027-10-28", text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", week.Headers["List-Unsubscribe-Post"]);

        // On the last working day the speaking right is the day's only reminder: its whole message, how to register and what to bring.
        var lastDay = speaking.Single(a => a.Message.To.Mailboxes.Single().Address == "financien@org.nl" && a.Day == new LocalDate(2027, 10, 27)).Message;
        Assert.Equal("Utrecht: vandaag aanmelden om in te spreken – Programmabegroting 2028 in de raad, do 28 okt 2027", lastDay.Subject);
        var last = lastDay.TextBody;
        Assert.Contains("Morgen, donderdag 28 oktober 2027 om 19.30 uur, vergadert een commissie", last, StringComparison.Ordinal);
        Assert.Contains("Heeft u zich nog niet aangemeld? Doe dat vandaag bij de griffie", last, StringComparison.Ordinal);
        Assert.Contains("- het agendapunt waarover u wilt inspreken;", last, StringComparison.Ordinal);
        Assert.Contains("Wat neemt u mee", last, StringComparison.Ordinal);
        Assert.Contains("drie tot vijf minuten spreektijd", last, StringComparison.Ordinal);
        Assert.Contains("De vergadering bij de raad: https://raad.example.nl/vergaderingen/cms-2027-10-28", last, StringComparison.Ordinal);
        Assert.Contains("https://timing.test/openbaar/gemeenten/GM0344/momenten/budget-debate/2027", last, StringComparison.Ordinal);
        Assert.Contains("<h2>Aanmelden om in te spreken</h2>", lastDay.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<li>het agendapunt waarover u wilt inspreken;</li>", lastDay.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", lastDay.Headers["List-Unsubscribe-Post"]);

        var english = speaking.Single(a => a.Message.To.Mailboxes.Single().Address == "board@org.nl" && a.Day == new LocalDate(2027, 10, 21)).Message;
        Assert.Equal("Utrecht: speaking at the committee – Budget 2028 in the council, Thu 28 Oct 2027 and 1 more moment", english.Subject);
        Assert.Contains("On Thursday 28 October 2027 at 19:30, a committee of the municipal council of Utrecht meets", english.TextBody, StringComparison.Ordinal);
        Assert.Equal("en", english.Body!.Headers["Content-Language"]);
        var englishLastDay = speaking.Single(a => a.Message.To.Mailboxes.Single().Address == "board@org.nl" && a.Day == new LocalDate(2027, 10, 27)).Message;
        Assert.Equal("Utrecht: register today to speak – Budget 2028 in the council, Thu 28 Oct 2027", englishLastDay.Subject);
        Assert.Contains("What to bring", englishLastDay.TextBody, StringComparison.Ordinal);
        Assert.Equal("en", englishLastDay.Body!.Headers["Content-Language"]);
    }

    [Fact]
    public async Task MovedOrVanishedCommitteeMeeting_RetractsItsNudges_AndTheRemindersPageNamesThem()
    {
        using var server = new RecordedServer();
        var calendar = File.ReadAllText(Recorded.CouncilIcs);
        server.Serve("/cal.ics", calendar, "text/calendar");
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0));
        await using var factory = new TimingFactory(clock: clock);
        await factory.SeedAsync(("financien@org.nl", Core.Cycle.Language.Nl, "finance"));
        Connect(factory, server.Url("/cal.ics"));
        await RunJobAsync(factory);
        Assert.Equal(["2027-10-21", "2027-10-27"], (await SpeakingNudgesAsync(factory)).Select(n => n.Day.ToString("yyyy-MM-dd", null)));

        // The directors' list of a person's reminders names the meeting and which of the two nudges it is.
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@org.nl");
        var personId = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "financien@org.nl").Select(p => p.Id).SingleAsync());
        var list = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/mensen/{personId}", UriKind.Relative)));
        Assert.Contains("Inspreken: Commissie Mens en Samenleving: Programmabegroting 2028 (28 oktober 2027), een week van tevoren", list, StringComparison.Ordinal);
        Assert.Contains("Inspreken: Commissie Mens en Samenleving: Programmabegroting 2028 (28 oktober 2027), laatste werkdag ervoor", list, StringComparison.Ordinal);

        // The griffie moves the committee to Tuesday 2 November: a week before is Tuesday 26 October, the last working day Monday 1 November.
        server.Serve("/cal.ics", calendar.Replace("20271028T", "20271102T", StringComparison.Ordinal), "text/calendar");
        clock.AdvanceHours(7);
        await RunJobAsync(factory);
        var moved = await SpeakingNudgesAsync(factory);
        Assert.Equal([("2027-10-21", NudgeStates.Retracted), ("2027-10-26", NudgeStates.Pending), ("2027-10-27", NudgeStates.Retracted), ("2027-11-01", NudgeStates.Pending)],
            moved.Select(n => (n.Day.ToString("yyyy-MM-dd", null), n.State)));

        // The calendar no longer shows it (cancelled, perhaps): the meeting is kept, its nudges are retracted.
        var start = calendar.IndexOf("BEGIN:VEVENT\r\nUID:" + CommitteeUid, StringComparison.Ordinal) is var i and >= 0 ? i : calendar.IndexOf("BEGIN:VEVENT\nUID:" + CommitteeUid, StringComparison.Ordinal);
        var end = calendar.IndexOf("END:VEVENT", start, StringComparison.Ordinal) + "END:VEVENT".Length;
        server.Serve("/cal.ics", calendar.Remove(start, end - start), "text/calendar");
        clock.AdvanceHours(7);
        await RunJobAsync(factory);
        Assert.All(await SpeakingNudgesAsync(factory), n => Assert.Equal(NudgeStates.Retracted, n.State));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.ExternalId == CommitteeUid)));
    }

    [Fact]
    public async Task CommitteeOnTheBudget_IsInTheWeeklyDigestAndInDezeWeek_LikeTheMomentsAre()
    {
        // Regression: speaking rights reached only those who get each nudge; the digest and the home page left them out.
        using var server = new RecordedServer();
        server.Serve("/cal.ics", File.ReadAllText(Recorded.CouncilIcs), "text/calendar");
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 18, 7, 0)); // Monday 18 October 2027, 09:00 in Amsterdam
        await using var factory = new TimingFactory(clock: clock);
        await factory.SeedAsync(("financien@org.nl", Core.Cycle.Language.Nl, "finance"));
        await factory.SetNudgeModeAsync("financien@org.nl", Core.Nudges.NudgeMode.Digest);
        Connect(factory, server.Url("/cal.ics"));
        await RunJobAsync(factory);

        await factory.DigestAsync();

        var digest = Assert.Single(Browserless.Mails(factory), m => m.To.Mailboxes.Single().Address == "financien@org.nl");
        Assert.Contains(
            "- Inspreken: Commissie Mens en Samenleving: Programmabegroting 2028 – Utrecht, loopt tot wo 27 okt 2027\n"
            + "  Meld u uiterlijk wo 27 okt 2027 bij de griffie aan om in te spreken over Programmabegroting 2028 in de raad; de commissie vergadert do 28 okt 2027.\n"
            + "  https://timing.test/openbaar/gemeenten/GM0344/momenten/budget-debate/2027\n",
            digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(">Inspreken: Commissie Mens en Samenleving: Programmabegroting 2028 – Utrecht, loopt tot wo 27 okt 2027</a>", WebUtility.HtmlDecode(digest.HtmlBody), StringComparison.Ordinal);

        // The home page's "Deze week" shows the same line.
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@org.nl");
        var home = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("<a href=\"/gemeenten/GM0344/momenten/budget-debate/2027\">Inspreken: Commissie Mens en Samenleving: Programmabegroting 2028</a>", home, StringComparison.Ordinal);
        Assert.Contains("Meld u uiterlijk wo 27 okt 2027 bij de griffie aan om in te spreken over Programmabegroting 2028 in de raad", home, StringComparison.Ordinal);
    }
}
