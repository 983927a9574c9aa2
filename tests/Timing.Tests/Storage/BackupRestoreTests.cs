using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using Timing.Storage;
using Timing.Tests.Worker;

namespace Timing.Tests.Storage;

/// <summary>
/// <c>timing backup</c> while the real worker sends to a real SMTP server, then <c>timing restore</c>: every
/// nudge still went out once, and the restored outbox sends none of them again.
/// </summary>
[Trait("Needs", "smtp-server")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Collection(AloneCollection.Name)]
public class BackupRestoreTests
{
    [Fact]
    public async Task BackupDuringDispatch_ThenRestore_KeepsEveryNudgeSentOnce_AndResendsNone()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        await using (var seed = new TimingFactory(database, new FakeClock(SystemClock.Instance.GetCurrentInstant())))
        {
            await ExactlyOnceTests.SeedDueNudgesAsync(seed, 400);
        }
        var settings = new Dictionary<string, string>(smtp.Settings.Select(kv => KeyValuePair.Create(kv.Key, kv.Value!)))
        {
            ["Storage:SqlitePath"] = database,
            ["Worker:BatchSize"] = "25",
            ["Mail:Connections"] = "2",
            ["Feeds:UidHost"] = "timing.test",
        };
        var cli = new Dictionary<string, string> { ["Storage__SqlitePath"] = database };
        var backup = Path.Combine(dir, "backup.db");

        await using (var service = await ServiceProcess.StartAsync(dir, settings))
        {
            await ExactlyOnceTests.WaitUntilAsync(() => Task.FromResult(smtp.Messages().Length >= 40), TimeSpan.FromSeconds(120));
            var made = await ProcessRunner.RunAsync(["backup", backup], environment: cli);
            Assert.True(made.Exit == 0, made.Error);
            Assert.Contains($"backup written: {backup}", made.Output, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));

            // While it runs, restore refuses and names the way out.
            var refused = await ProcessRunner.RunAsync(["restore", backup], environment: cli);
            Assert.Equal(2, refused.Exit);
            Assert.Contains($"the service is running on {database}; stop it first", refused.Error, StringComparison.Ordinal);

            await using var live = new TimingFactory(database);
            await ExactlyOnceTests.WaitUntilAsync(async () => await live.WithDbAsync(db => ExactlyOnceTests.Seeded(db)
                .CountAsync(n => n.State == NudgeStates.Pending || n.State == NudgeStates.Claimed || n.State == NudgeStates.Sending)) == 0, TimeSpan.FromSeconds(90), live);
        }

        // The copy is one moment of the dispatch: some seeded nudges had gone, others still waited.
        var inCopy = Path.Combine(dir, "inspect.db");
        File.Copy(backup, inCopy);
        await using (var copy = new TimingFactory(inCopy))
        {
            var states = await copy.WithDbAsync(db => ExactlyOnceTests.Seeded(db).Select(n => n.State).ToListAsync());
            Assert.Equal(400, states.Count);
            Assert.Contains(NudgeStates.Sent, states);
            Assert.Contains(states, s => s is NudgeStates.Pending or NudgeStates.Claimed or NudgeStates.Sending);
        }

        var restored = await ProcessRunner.RunAsync(["restore", backup], environment: cli);
        Assert.True(restored.Exit == 0, restored.Error);
        Assert.Contains($"restored: {database} now holds the copy {backup}", restored.Output, StringComparison.Ordinal);
        Assert.Contains($"the database it replaced is kept at {database}.replaced-", restored.Output, StringComparison.Ordinal);

        // The restored outbox: every seeded nudge counts as sent (or uncertain), each sent one arrived once.
        await using var after = new TimingFactory(database, new FakeClock(SystemClock.Instance.GetCurrentInstant()), settings: smtp.Settings);
        var rows = await after.WithDbAsync(db => ExactlyOnceTests.Seeded(db).AsNoTracking().ToListAsync());
        Assert.Equal(400, rows.Count);
        ExactlyOnceTests.AssertEachOnce(ExactlyOnceTests.ReceivedIds(smtp), rows, inFlight: 2);

        // And a dispatch on the restored database sends none of them again.
        await after.DispatchAsync();
        var again = await after.WithDbAsync(db => ExactlyOnceTests.Seeded(db).AsNoTracking().ToListAsync());
        Assert.Equal(rows.Select(r => (r.Id, r.State, r.MessageId)), again.Select(r => (r.Id, r.State, r.MessageId)));
        ExactlyOnceTests.AssertEachOnce(ExactlyOnceTests.ReceivedIds(smtp), again, inFlight: 2);
    }
}
