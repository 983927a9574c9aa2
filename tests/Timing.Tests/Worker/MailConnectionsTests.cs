using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime.Testing;
using Timing.Core.Cycle;
using Timing.Storage;
using Timing.Tests.Web;

namespace Timing.Tests.Worker;

/// <summary>Dispatch shares a batch over several connections to a real SMTP server process (Mail:Connections).</summary>
[Trait("Needs", "smtp-server")]
public class MailConnectionsTests
{
    /// <summary>Twelve colleagues, each with a reminder due at once and so a mail of their own: a batch of twelve to share over the connections.</summary>
    private static readonly (string Email, Language Language, string Audience)[] People =
        [.. Enumerable.Range(1, 12).Select(i => ($"colleague{i}@org.nl", i % 2 == 0 ? Language.En : Language.Nl, ""))];

    private static async Task<(Timing.Worker.NudgeDispatcher.Result Result, List<Nudge> Rows)> DispatchAsync(TimingFactory factory)
    {
        var (result, rows) = await factory.SeedAndDispatchAsync(People);
        Assert.Equal(People.Length, rows.Count(r => r.Kind == NudgeKinds.Daily));
        return (result, rows);
    }

    /// <summary>
    /// Each day's mail reached the server once, and each reminder went in its person's mail: a reminder carries the
    /// Message-ID of the mail it travelled in.
    /// </summary>
    private static void AssertEachMailOnce(List<Nudge> rows, SmtpServer smtp)
    {
        var mails = rows.Where(r => r.Kind == NudgeKinds.Daily).ToList();
        Assert.Equal(mails.Select(r => r.MessageId).Order(StringComparer.Ordinal), smtp.Messages().Select(m => m.MessageId).Order(StringComparer.Ordinal));
        var reminders = rows.Where(r => r.Kind != NudgeKinds.Daily).ToList();
        Assert.NotEmpty(reminders);
        Assert.All(reminders, r => Assert.Equal(mails.Single(m => m.PersonId == r.PersonId && m.Day == r.Day).MessageId, r.MessageId));
    }

    [Fact]
    public async Task ThreeConnections_HandEveryNudgeOverExactlyOnce()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue), settings: new(smtp.Settings) { ["Mail:Connections"] = "3" });
        var (result, rows) = await DispatchAsync(factory);

        Assert.Equal((People.Length, 0, 0, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal(NudgeStates.Sent, r.State));
        AssertEachMailOnce(rows, smtp);
    }

    [Fact]
    public async Task ServerAllowingOneConnection_GetsTheWholeBatchOverIt_AndTheLogSaysWhichSettingToLower()
    {
        await using var smtp = await SmtpServer.StartNewAsync(maxConnections: 1);
        var log = new LogCapture();
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue), settings: new(smtp.Settings) { ["Mail:Connections"] = "3" },
            configure: b => b.ConfigureLogging(l => l.AddProvider(log)));
        var (result, rows) = await DispatchAsync(factory);

        Assert.Equal((People.Length, 0, 0, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal((NudgeStates.Sent, null), (r.State, r.LastError)));
        AssertEachMailOnce(rows, smtp);
        var warning = Assert.Single(log.Lines, l => l.Contains("refused another connection", StringComparison.Ordinal));
        Assert.Contains("421", warning, StringComparison.Ordinal);
        Assert.Contains("this batch goes over the 1 already open. Lower Mail:Connections if this repeats", warning, StringComparison.Ordinal);
    }
}
