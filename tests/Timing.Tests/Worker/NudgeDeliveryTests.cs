using Microsoft.EntityFrameworkCore;
using MimeKit;
using NodaTime.Testing;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Tests.Worker;

/// <summary>Nudges through a real SMTP server process, with the clock moved by the test.</summary>
[Trait("Needs", "smtp-server")]
public class NudgeDeliveryTests
{
    private static TimingFactory Factory(SmtpServer smtp, Instant start) =>
        new(clock: new FakeClock(start), settings: smtp.Settings);

    [Fact]
    public async Task WholeCycle2026_TwoPeople_GetExactlyTheirNudges_OnWorkingDays_InTheirLanguage()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = Factory(smtp, Instant.FromUtc(2025, 11, 3, 8, 0));
        await factory.SeedAsync(("anna@org.nl", Language.Nl, "parties"), ("bob@org.nl", Language.En, "finance"));

        var arrivals = new Dictionary<string, (LocalDate Day, MimeMessage Message)>();
        for (var day = new LocalDate(2025, 11, 3); day <= new LocalDate(2026, 12, 31); day = day.PlusDays(1))
        {
            factory.Clock.Reset(day.At(new LocalTime(8, 0)).InUtc().ToInstant());
            if (day.DayOfWeek == IsoDayOfWeek.Monday || day == new LocalDate(2025, 11, 3))
            {
                await factory.PlanAsync();
            }
            await factory.DispatchAsync();
            foreach (var message in smtp.Messages().Where(m => !arrivals.ContainsKey(m.MessageId ?? "")))
            {
                arrivals[message.MessageId ?? ""] = (day, message);
            }
        }

        var anna = arrivals.Values.Where(a => a.Message.To.Mailboxes.Single().Address == "anna@org.nl").ToArray();
        var bob = arrivals.Values.Where(a => a.Message.To.Mailboxes.Single().Address == "bob@org.nl").ToArray();
        Assert.Equal(arrivals.Count, smtp.Messages().Length); // no Message-ID arrived twice

        // Nomination day Monday 2 February 2026: Anna hears 14 days ahead, on Monday 19 January, in Dutch.
        var nomination = Assert.Single(anna, a => a.Message.Subject == "Utrecht: Dag van kandidaatstelling over 14 dagen");
        Assert.Equal(new LocalDate(2026, 1, 19), nomination.Day);
        Assert.Contains("Waarom nu:\n", nomination.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Wie u benadert: ", nomination.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("nl", nomination.Message.Body!.Headers["Content-Language"]);

        // Prinsjesdag Tuesday 15 September 2026, two days ahead is a Sunday: Bob hears on Monday 14 September, in English.
        var budgetDay = Assert.Single(bob, a => a.Message.Subject == "Utrecht: Budget Day (Prinsjesdag) tomorrow");
        Assert.Equal(new LocalDate(2026, 9, 14), budgetDay.Day);
        Assert.Contains("Why now:\n", budgetDay.Message.TextBody, StringComparison.Ordinal);

        // Each hears only about their own audiences.
        Assert.DoesNotContain(anna, a => (a.Message.Subject ?? "").Contains("Prinsjesdag", StringComparison.Ordinal));
        Assert.DoesNotContain(bob, b => (b.Message.Subject ?? "").Contains("Nomination", StringComparison.Ordinal));
        // Every nudge arrives on a working day, with one-click unsubscribe.
        Assert.All(arrivals.Values, a => Assert.True(Core.Nudges.WorkingDays.IsWorkingDay(a.Day), $"{a.Message.Subject} on {a.Day}"));
        Assert.All(arrivals.Values, a => Assert.Equal("List-Unsubscribe=One-Click", a.Message.Headers["List-Unsubscribe-Post"]));
        Assert.All(arrivals.Values, a => Assert.StartsWith("<https://timing.test/afmelden-nudges/", a.Message.Headers["List-Unsubscribe"], StringComparison.Ordinal));

        // Everything planned for the period went out; nothing is left behind.
        var states = await factory.WithDbAsync(db => db.Nudges.GroupBy(n => new { n.Kind, n.State }).Select(g => new { g.Key.Kind, g.Key.State, Count = g.Count() }).ToListAsync());
        Assert.Equal(arrivals.Count, states.Single(s => s.Kind == NudgeKinds.Daily && s.State == NudgeStates.Sent).Count);
        Assert.DoesNotContain(states, s => s.State is NudgeStates.Failed or NudgeStates.Uncertain or NudgeStates.Claimed or NudgeStates.Sending);
        Assert.True(anna.Length > 10 && bob.Length > 10, $"anna {anna.Length}, bob {bob.Length}");
    }

    [Fact]
    public async Task MailServerDown_NudgesWait_ThenAllGoOutOnce()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = Factory(smtp, WorkerHarness.NominationNudgesDue);
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""), ("bob@org.nl", Language.En, ""));
        await factory.PlanAsync();
        await smtp.StopAsync();

        var down = await factory.DispatchAsync();
        Assert.Equal(0, down.Sent);
        Assert.True(down.Retrying > 0);
        var waiting = await factory.WithDbAsync(db => db.Nudges.Where(n => n.Attempts == 1).ToListAsync());
        Assert.All(waiting, n => Assert.Equal(NudgeStates.Pending, n.State));
        Assert.All(waiting, n => Assert.StartsWith($"no mail server answers at 127.0.0.1:{smtp.Port} (connection refused)", n.LastError, StringComparison.Ordinal));

        factory.Clock.AdvanceMinutes(1);
        Assert.Equal(0, (await factory.DispatchAsync()).Sent);
        await smtp.StartAsync();
        factory.Clock.AdvanceMinutes(2);
        Assert.Equal(0, (await factory.DispatchAsync()).Sent); // the next attempt is 5 minutes after the second failure
        factory.Clock.AdvanceMinutes(4);
        var after = await factory.DispatchAsync();
        Assert.Equal(waiting.Count, after.Sent);
        Assert.Equal(0, (await factory.DispatchAsync()).Sent);

        var ids = smtp.Messages().Select(m => m.MessageId).ToArray();
        Assert.Equal(waiting.Count, ids.Length);
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public async Task ActualDate_RetractsPendingNudgesForTheOldDate_AndPlansNewOnes()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        // Sixteen weeks of reminders in the outbox, so both of the agreement's (in May and June) stand there.
        await using var factory = new TimingFactory(clock: new FakeClock(Instant.FromUtc(2026, 3, 20, 8, 0)),
            settings: new(smtp.Settings) { ["Worker:PlanWeeks"] = "16" });
        await factory.SeedAsync(("onderhandelaar@org.nl", Language.Nl, "negotiators"));
        await factory.PlanAsync();
        static Task<List<Nudge>> Agreement(TimingDbContext db) =>
            db.Nudges.Where(n => n.Subject == "GM0344/coalition-agreement/2026").OrderBy(n => n.Day).ThenBy(n => n.Id).ToListAsync();
        var before = await factory.WithDbAsync(Agreement);
        // Estimate Friday 29 May 2026 (E + 72): 14 days before (15 May) and 2 days before (Wednesday 27 May).
        Assert.Equal([new LocalDate(2026, 5, 15), new LocalDate(2026, 5, 27)], before.Select(n => n.Day));

        await factory.WithDbAsync(async db =>
        {
            var row = (await FollowedMunicipalities.FindAsync(db, db.Organisations.Single().Id, "GM0344", CancellationToken.None))!;
            var director = await db.People.SingleAsync(p => p.Role == Roles.Director);
            var planner = factory.Services.GetService(typeof(CyclePlanner)) as CyclePlanner;
            return await FollowedMunicipalities.SetActualAsync(db, planner!, row, "coalition-agreement",
                new DateInterval(new LocalDate(2026, 6, 10), new LocalDate(2026, 6, 10)), director, factory.Clock.GetCurrentInstant(), CancellationToken.None);
        });
        var result = await factory.PlanAsync();
        Assert.True(result.Retracted >= 2);

        var after = await factory.WithDbAsync(Agreement);
        Assert.Equal(
            [(new LocalDate(2026, 5, 15), NudgeStates.Retracted), (new LocalDate(2026, 5, 27), NudgeStates.Retracted),
             (new LocalDate(2026, 5, 27), NudgeStates.Pending), (new LocalDate(2026, 6, 8), NudgeStates.Pending)],
            after.Select(n => (n.Day, n.State)));
    }

    [Fact]
    public async Task WithoutSmtp_AColleagueFindsACorrectDutchNudgeInThePickupFolder()
    {
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue));
        await factory.SeedAsync(("collega@org.nl", Language.Nl, "parties"));
        await factory.PlanAsync();
        var result = await factory.DispatchAsync();
        Assert.True(result.Sent > 0);
        var nudge = Assert.Single(Timing.Tests.Web.Browserless.Mails(factory), m => m.Subject == "Utrecht: Dag van kandidaatstelling over 14 dagen");
        Assert.Equal("collega@org.nl", nudge.To.Mailboxes.Single().Address);
        Assert.Contains("Datum: 2 februari 2026 (wettelijk vastgelegd).", nudge.TextBody, StringComparison.Ordinal);
        Assert.Contains("Meer over dit moment: https://timing.test/openbaar/gemeenten/GM0344/momenten/nomination/2026", nudge.TextBody, StringComparison.Ordinal);
        Assert.Contains("Uw agenda-feed: https://timing.test/mijn-feed", nudge.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h1>Dag van kandidaatstelling</h1>", nudge.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain(nudge.Attachments, a => a.ContentType.MimeType == "text/calendar");
    }

    [Fact]
    public async Task WeeklyDigest_OnMonday_ListsThisWeeksActions_ForDigestReaders()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = Factory(smtp, Instant.FromUtc(2026, 1, 26, 6, 30)); // Monday 26 January 2026, 07:30 in Amsterdam
        await factory.SeedAsync(("lezer@org.nl", Language.En, "parties"));
        await factory.SetNudgeModeAsync("lezer@org.nl", NudgeMode.Digest);
        await factory.PlanAsync();
        Assert.Equal(0, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.Kind == NudgeKinds.Nudge)));
        await factory.DigestAsync();
        await factory.DigestAsync(); // twice: still one digest
        var digest = Assert.Single(smtp.Messages());
        Assert.Equal("Timing: this week, from 26 January 2026", digest.Subject);
        // The home page's list: open moments by their end, coming ones by their start, each with one line to act on.
        var text = digest.TextBody!;
        Assert.Contains("Support declarations – Utrecht, runs until Mon 2 Feb 2026\n  Make no new requests; keep contact short and informal.", text, StringComparison.Ordinal);
        Assert.Contains("Nomination day – Utrecht, from Mon 2 Feb 2026", text, StringComparison.Ordinal);
        Assert.Contains("Candidate lists validated and numbered – Utrecht, from Fri 6 Feb 2026", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Nomination day", StringComparison.Ordinal) < text.IndexOf("Candidate lists validated", StringComparison.Ordinal));
        Assert.DoesNotContain("Budget", digest.TextBody, StringComparison.Ordinal);
    }
}
