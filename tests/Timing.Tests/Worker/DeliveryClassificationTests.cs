using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using Timing.Storage;
using Timing.Core.Cycle;

namespace Timing.Tests.Worker;

/// <summary>
/// Each way a delivery can go wrong, played by a real SMTP server process (scripted_smtp.py answers by recipient),
/// and what the outbox stores for the nudge: retried later, failed for good, or uncertain, with a reason that names
/// the refused recipient, the server's own answer or the setting to fix.
/// </summary>
[Trait("Needs", "smtp-server")]
public class DeliveryClassificationTests
{
    private static readonly Instant Due = WorkerHarness.NominationNudgesDue;

    private static Task<(TimingFactory Factory, Timing.Worker.NudgeDispatcher.Result Result, List<Nudge> Rows)> DispatchToAsync(
        SmtpServer smtp, string email, Dictionary<string, string?>? extra = null) => DispatchToAsync(smtp, [email], extra);

    /// <summary>
    /// Seeds one person per address, plans and dispatches once. Each person's reminders of the day travel in one mail
    /// (a <see cref="NudgeKinds.Daily"/> row); the rows returned are those mails and the reminders that took their outcome.
    /// </summary>
    private static async Task<(TimingFactory Factory, Timing.Worker.NudgeDispatcher.Result Result, List<Nudge> Rows)> DispatchToAsync(
        SmtpServer smtp, string[] emails, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(smtp.Settings) { ["Mail:TimeoutSeconds"] = "2" };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        var factory = new TimingFactory(clock: new FakeClock(Due), settings: settings);
        var (result, rows) = await factory.SeedAndDispatchAsync([.. emails.Select(e => (e, Language.Nl, ""))]);
        Assert.Equal(emails.Length, Mails(rows).Count);
        return (factory, result, rows);
    }

    private static List<Nudge> Mails(List<Nudge> rows) => rows.Where(r => r.Kind == NudgeKinds.Daily).ToList();

    [Fact]
    public async Task NoServerListening_IsRetried_NamingHostAndPort()
    {
        await using var nothing = new SmtpServer(); // never started: the port refuses connections
        var (factory, result, rows) = await DispatchToAsync(nothing, "anna@org.nl");
        await using var _ = factory;
        Assert.Equal((0, Mails(rows).Count, 0, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal((NudgeStates.Pending, 1), (r.State, r.Attempts)));
        Assert.All(rows, r => Assert.Equal(
            $"no mail server answers at 127.0.0.1:{nothing.Port} (connection refused): check Mail:Host and Mail:Port, or whether the server runs", r.LastError));
    }

    [Fact]
    public async Task NoAnswerBeforeTheMessage_IsRetried_NotUncertain()
    {
        await using var smtp = await SmtpServer.StartNewAsync(scripted: true);
        var (factory, result, rows) = await DispatchToAsync(smtp, "slow@org.nl");
        await using var _ = factory;
        Assert.Equal((0, 0, 0), (result.Sent, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal((NudgeStates.Pending, 1), (r.State, r.Attempts)));
        Assert.Contains("did not answer within 2 s (Mail:TimeoutSeconds); the message was not handed over", rows[0].LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task TemporaryRefusal4xx_IsRetriedWithBackoff_KeepingTheServersAnswer()
    {
        await using var smtp = await SmtpServer.StartNewAsync(scripted: true);
        var (factory, result, rows) = await DispatchToAsync(smtp, "busy@org.nl");
        await using var _ = factory;
        Assert.Equal((0, Mails(rows).Count, 0, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal((NudgeStates.Pending, 1), (r.State, r.Attempts)));
        Assert.All(rows, r => Assert.Equal(Due.Plus(Duration.FromMinutes(1)), r.NextAttempt));
        Assert.All(rows, r => Assert.Equal("the mail server asked to try again later: 451 4.3.2 Mailbox busy, try again later", r.LastError));
    }

    [Fact]
    public async Task PermanentRefusal5xx_FailsAtOnce_KeepingTheServersAnswer()
    {
        await using var smtp = await SmtpServer.StartNewAsync(scripted: true);
        var (factory, result, rows) = await DispatchToAsync(smtp, "spam@org.nl");
        await using var _ = factory;
        Assert.Equal((0, 0, Mails(rows).Count, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal((NudgeStates.Failed, 0), (r.State, r.Attempts)));
        Assert.All(rows, r => Assert.Equal("the mail server refused the message: 554 5.7.1 Message refused: it looks like spam", r.LastError));
    }

    [Fact]
    public async Task RefusedRecipient_FailsAtOnce_NamingTheRecipientAndTheAnswer()
    {
        await using var smtp = await SmtpServer.StartNewAsync(scripted: true);
        var (factory, result, rows) = await DispatchToAsync(smtp, "refused@org.nl");
        await using var _ = factory;
        Assert.Equal((0, 0, Mails(rows).Count, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal(NudgeStates.Failed, r.State));
        Assert.All(rows, r => Assert.Equal(
            "the mail server refused the recipient refused@org.nl: 550 5.1.1 <refused@org.nl>: no such mailbox here", r.LastError));
    }

    [Fact]
    public async Task RefusedLogin_IsRetried_NamingTheSettingsToFix()
    {
        await using var smtp = await SmtpServer.StartNewAsync(scripted: true);
        var (factory, result, rows) = await DispatchToAsync(smtp, "anna@org.nl", new() { ["Mail:User"] = "timing", ["Mail:Password"] = "wrong" });
        await using var _ = factory;
        Assert.Equal((0, Mails(rows).Count, 0, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal((NudgeStates.Pending, 1), (r.State, r.Attempts)));
        Assert.All(rows, r => Assert.StartsWith($"the mail server 127.0.0.1:{smtp.Port} refused the login (", r.LastError, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.EndsWith("): check Mail:User and Mail:Password, or Mail:AccessToken", r.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectionCutAfterTheMessage_IsUncertain_AndNeverResent()
    {
        await using var smtp = await SmtpServer.StartNewAsync(scripted: true);
        // Two people, so two mails; one connection, so the second mail waits behind the cut one.
        var (factory, result, rows) = await DispatchToAsync(smtp, ["drop@org.nl", "zoe@org.nl"], new() { ["Mail:Connections"] = "1" });
        await using var _ = factory;
        var dropId = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "drop@org.nl").Select(p => p.Id).SingleAsync());
        Assert.Equal((0, 1), (result.Sent, result.Uncertain));
        var mails = Mails(rows);
        var cut = mails[0];
        Assert.Equal((dropId, NudgeStates.Uncertain), (cut.PersonId, cut.State));
        Assert.StartsWith("outcome unknown, not resent: the connection broke after the message was handed over", cut.LastError, StringComparison.Ordinal);
        // The reminders that mail carried take its outcome: none of them goes again in another mail.
        var carried = rows.Where(r => r.Kind != NudgeKinds.Daily && r.PersonId == dropId).ToList();
        Assert.NotEmpty(carried);
        Assert.All(carried, r => Assert.Equal((NudgeStates.Uncertain, cut.LastError), (r.State, r.LastError)));
        // The rest of the batch was never handed over: it waits for the next run.
        Assert.All(mails.Skip(1), r => Assert.Equal(NudgeStates.Pending, r.State));
        Assert.All(mails.Skip(1), r => Assert.StartsWith("not tried: the connection was lost earlier in the batch", r.LastError, StringComparison.Ordinal));

        factory.Clock.AdvanceMinutes(10);
        await factory.DispatchAsync();
        var again = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().SingleAsync(n => n.Id == cut.Id));
        Assert.Equal((NudgeStates.Uncertain, 0), (again.State, again.Attempts));
        var carriedAgain = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => n.PersonId == dropId && n.Kind != NudgeKinds.Daily && n.State != NudgeStates.Uncertain && n.Day == cut.Day).CountAsync());
        Assert.Equal(0, carriedAgain);
        // The waiting mail went on the next run; nothing reached the server a second time for the cut one.
        Assert.Equal(NudgeStates.Sent, (await factory.WithDbAsync(db => db.Nudges.AsNoTracking().SingleAsync(n => n.Id == mails[1].Id))).State);
        Assert.Single(smtp.Messages());
    }
}
