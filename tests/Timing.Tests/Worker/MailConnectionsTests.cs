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
    /// <summary>Twelve colleagues, each with a nudge due at once: a batch to share over the connections.</summary>
    private static readonly (string Email, Language Language, string Audience)[] People =
        [.. Enumerable.Range(1, 12).Select(i => ($"colleague{i}@org.nl", i % 2 == 0 ? Language.En : Language.Nl, ""))];

    private static async Task<(Timing.Worker.NudgeDispatcher.Result Result, List<Nudge> Rows)> DispatchAsync(TimingFactory factory)
    {
        var (result, rows) = await factory.SeedAndDispatchAsync(People);
        Assert.True(rows.Count >= 12, $"expected a batch of at least 12 nudges, got {rows.Count}");
        return (result, rows);
    }

    [Fact]
    public async Task ThreeConnections_HandEveryNudgeOverExactlyOnce()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue), settings: new(smtp.Settings) { ["Mail:Connections"] = "3" });
        var (result, rows) = await DispatchAsync(factory);

        Assert.Equal((rows.Count, 0, 0, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal(NudgeStates.Sent, r.State));
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), smtp.Messages().Select(m => m.MessageId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ServerAllowingOneConnection_GetsTheWholeBatchOverIt_AndTheLogSaysWhichSettingToLower()
    {
        await using var smtp = await SmtpServer.StartNewAsync(maxConnections: 1);
        var log = new LogCapture();
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue), settings: new(smtp.Settings) { ["Mail:Connections"] = "3" },
            configure: b => b.ConfigureLogging(l => l.AddProvider(log)));
        var (result, rows) = await DispatchAsync(factory);

        Assert.Equal((rows.Count, 0, 0, 0), (result.Sent, result.Retrying, result.Failed, result.Uncertain));
        Assert.All(rows, r => Assert.Equal((NudgeStates.Sent, null), (r.State, r.LastError)));
        Assert.Equal(rows.Select(r => r.MessageId).Order(StringComparer.Ordinal), smtp.Messages().Select(m => m.MessageId).Order(StringComparer.Ordinal));
        var warning = Assert.Single(log.Lines, l => l.Contains("refused another connection", StringComparison.Ordinal));
        Assert.Contains("421", warning, StringComparison.Ordinal);
        Assert.Contains("this batch goes over the 1 already open. Lower Mail:Connections if this repeats", warning, StringComparison.Ordinal);
    }
}
