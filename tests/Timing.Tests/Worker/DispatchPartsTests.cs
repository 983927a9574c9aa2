using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Storage;
using Timing.Worker;
using Timing.Core.Cycle;

namespace Timing.Tests.Worker;

/// <summary>The claim and render steps of dispatch, each on its own, on a real SQLite file.</summary>
[Trait("Needs", "smtp-server")]
public class DispatchPartsTests
{
    private static readonly Instant Monday = WorkerHarness.NominationNudgesDue;

    [Fact]
    public async Task TwoClaimers_OnOneDatabaseFile_NeverTakeTheSameRow_AndTakeOnlyDueMails()
    {
        await using var factory = new TimingFactory(clock: new FakeClock(Monday), settings: new() { ["Worker:BatchSize"] = "7" });
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""));
        var due = Monday;
        await factory.WithDbAsync(async db =>
        {
            var anna = await db.People.SingleAsync(p => p.Email == "anna@org.nl");
            for (var i = 0; i < 120; i++)
            {
                // Every fourth row waits for a later attempt or is due later: never claimed now.
                var later = i % 4 == 0;
                var day = new LocalDate(2020, 1, 1).PlusDays(i);
                db.Nudges.Add(new Nudge
                {
                    PersonId = anna.Id, Kind = NudgeKinds.Daily, Subject = day.ToString("uuuu-MM-dd", null), Day = day,
                    Due = later && i % 8 == 0 ? due + Duration.FromMinutes(1) : due, NextAttempt = later && i % 8 != 0 ? due + Duration.FromMinutes(1) : Nudge.Immediately,
                });
                // The reminders a day's mail carries are never claimed on their own.
                db.Nudges.Add(new Nudge { PersonId = anna.Id, Subject = "GM0344/election/2026", LeadId = "start-P14D", Day = day, Due = due });
            }
            return await db.SaveChangesAsync();
        });

        async Task<List<long>> ClaimAll(string node)
        {
            using var scope = factory.Services.CreateScope();
            var claims = scope.ServiceProvider.GetRequiredService<NudgeClaims>();
            var taken = new List<long>();
            for (var batch = await claims.ClaimAsync(CancellationToken.None); batch.Count > 0; batch = await claims.ClaimAsync(CancellationToken.None))
            {
                Assert.True(batch.Count <= 7, $"{node} claimed {batch.Count} rows in one batch");
                taken.AddRange(batch);
            }
            return taken;
        }

        var both = await Task.WhenAll(Task.Run(() => ClaimAll("one")), Task.Run(() => ClaimAll("two")));
        Assert.Empty(both[0].Intersect(both[1]));
        Assert.Equal(90, both[0].Count + both[1].Count);
        Assert.Equal(90, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.State == NudgeStates.Claimed)));
        Assert.Equal(120, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.Kind == NudgeKinds.Nudge && n.State == NudgeStates.Pending)));
    }

    [Fact]
    public async Task Recover_ReturnsExpiredClaims_AndFlagsRowsCaughtMidHandover()
    {
        await using var factory = new TimingFactory(clock: new FakeClock(Monday), settings: new() { ["Worker:ClaimLeaseSeconds"] = "60" });
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""));
        var now = Monday;
        var ids = await factory.WithDbAsync(async db =>
        {
            var anna = await db.People.SingleAsync(p => p.Email == "anna@org.nl");
            Nudge Row(int day, string state, Instant claimed) => new()
            {
                PersonId = anna.Id, Subject = "GM0344/election/2026", LeadId = "start-P14D", Day = new LocalDate(2020, 1, day), State = state, Claimed = claimed,
            };
            var rows = new[] { Row(1, NudgeStates.Claimed, now - Duration.FromSeconds(61)), Row(2, NudgeStates.Claimed, now - Duration.FromSeconds(10)), Row(3, NudgeStates.Sending, now - Duration.FromSeconds(61)), Row(4, NudgeStates.Sending, now - Duration.FromSeconds(10)) };
            db.Nudges.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToArray();
        });

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<NudgeClaims>().RecoverAsync(CancellationToken.None);
        }
        var states = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.Day).Select(n => n.State).ToListAsync());
        Assert.Equal([NudgeStates.Pending, NudgeStates.Claimed, NudgeStates.Uncertain, NudgeStates.Sending], states);
    }

    [Fact]
    public async Task Render_MakesTheMessageForARow_InThePersonsLanguage_AndNothingForAMomentThatIsGone()
    {
        await using var factory = new TimingFactory(clock: new FakeClock(Monday));
        await factory.SeedAsync(("bob@org.nl", Language.En, ""));
        await factory.PlanAsync();
        var (row, gone) = await factory.WithDbAsync(async db =>
        {
            var nomination = await db.Nudges.AsNoTracking().FirstAsync(n => n.Subject == "GM0344/nomination/2026");
            var elsewhere = new Nudge { PersonId = nomination.PersonId, Subject = "GM0363/nomination/2026", LeadId = nomination.LeadId, Day = nomination.Day, Due = nomination.Due };
            db.Nudges.Add(elsewhere);
            await db.SaveChangesAsync();
            return (nomination, elsewhere);
        });

        using var scope = factory.Services.CreateScope();
        var renderer = scope.ServiceProvider.GetRequiredService<NudgeRenderer>();
        var message = await renderer.RenderAsync(row, CancellationToken.None);
        Assert.NotNull(message);
        Assert.Equal($"nudge.{row.Id}@timing.test", message.MessageId);
        Assert.Equal("bob@org.nl", message.To.Mailboxes.Single().Address);
        Assert.Equal("Utrecht: Nomination day in 14 days", message.Subject);
        // Text and HTML say the same, with the same links.
        var html = message.HtmlBody;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Nomination day</h1>", html, StringComparison.Ordinal);
        // The advice under its own heading; whom to approach as a labelled line beneath it.
        Assert.Contains("<h2>Why now</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Whom to approach: ", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://timing.test/openbaar/gemeenten/GM0344/momenten/nomination/2026\">More about this moment</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://timing.test/mijn-feed\">Your calendar feed</a>", html, StringComparison.Ordinal);
        var unsubscribe = message.Headers["List-Unsubscribe"]![1..message.Headers["List-Unsubscribe"]!.IndexOf('>', StringComparison.Ordinal)];
        Assert.Contains($"<a href=\"{unsubscribe}\">Stop these e-mails</a>", html, StringComparison.Ordinal);
        Assert.Contains("More about this moment: https://timing.test/openbaar/gemeenten/GM0344/momenten/nomination/2026\n", message.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"Stop these e-mails: {unsubscribe}\n", message.TextBody, StringComparison.Ordinal);
        // Amsterdam (GM0363) is not followed by bob's organisation: no message, the row is retracted at dispatch.
        Assert.Null(await renderer.RenderAsync(gone, CancellationToken.None));
    }

    [Fact]
    public async Task ABatchWhoseRowsAreAllRetracted_SendsNothing()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = new TimingFactory(clock: new FakeClock(Monday), settings: smtp.Settings);
        await factory.SeedAsync(("bob@org.nl", Language.En, ""));
        await factory.PlanAsync();
        // Every due row is about a municipality the organisation does not follow (any more).
        var due = await factory.WithDbAsync(db => db.Nudges.Where(n => n.Due <= Monday)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Subject, "GM0363/nomination/2026")));
        Assert.True(due > 0);

        var result = await factory.DispatchAsync();

        Assert.Equal(new NudgeDispatcher.Result(0, 0, 0, 0), result);
        var rows = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => n.Subject == "GM0363/nomination/2026").ToListAsync());
        Assert.All(rows, r => Assert.Equal((NudgeStates.Retracted, 0), (r.State, r.Attempts)));
        Assert.Empty(smtp.Messages());
    }
}
