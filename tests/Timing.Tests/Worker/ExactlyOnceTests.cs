using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using Timing.Storage;
using Timing.Tests.Storage;
using Timing.Core.Cycle;

namespace Timing.Tests.Worker;

/// <summary>Every due nudge goes out once, through crashes and with several nodes: counted by Message-ID at a real SMTP server.</summary>
[Trait("Needs", "postgresql")]
[Trait("Needs", "smtp-server")]
[Collection(PostgresCollection.Name)]
public class ExactlyOnceTests(PostgresServer postgres)
{
    /// <summary>Due nudges from the past months, so the running service sends them as soon as it starts.</summary>
    internal static readonly Instant SeededDue = SystemClock.Instance.GetCurrentInstant() - Duration.FromHours(1);

    /// <summary>The seeded reminders; the service sends each in its person's mail of the day, one mail per reminder here.</summary>
    internal static IQueryable<Nudge> Seeded(TimingDbContext db) => db.Nudges.Where(n => n.Due == SeededDue && n.Kind == NudgeKinds.Nudge);

    /// <summary>
    /// One due reminder for each of <paramref name="count"/> people, each a mail of its own: one person's reminders of a
    /// day would share a mail, and one address gets at most Mail:DailyLimitPerRecipient mails a day. The people read
    /// the digest only, so the running service plans no further reminders for them.
    /// </summary>
    internal static async Task SeedDueNudgesAsync(TimingFactory factory, int count)
    {
        await factory.SeedAsync(Enumerable.Range(0, count).Select(i => ($"p{i}@org.nl", Language.Nl, "")).ToArray());
        await factory.WithDbAsync(async db =>
        {
            var people = await db.People.Where(p => p.Email.StartsWith("p") && p.Email.EndsWith("@org.nl")).ToListAsync();
            // A day well before today: the running service's planner only touches rows from today on.
            var day = SeededDue.InUtc().Date.PlusDays(-30);
            foreach (var person in people)
            {
                person.NudgeMode = Core.Nudges.NudgeMode.Digest;
                db.Nudges.Add(new Nudge
                {
                    PersonId = person.Id,
                    Subject = "GM0344/election/2026",
                    LeadId = "start-P14D",
                    Day = day,
                    Due = SeededDue,
                });
            }
            return await db.SaveChangesAsync();
        });
    }

    internal static Task WaitUntilAsync(Func<Task<bool>> done, TimeSpan limit, TimingFactory? describe = null) =>
        Eventually.TrueAsync(done, limit, async () => describe is null ? "" : "outbox: " + string.Join(", ", await describe.WithDbAsync(db =>
            Seeded(db).GroupBy(n => new { n.State, n.LastError }).Select(g => $"{g.Key.State} ({g.Key.LastError}): {g.Count()}").ToListAsync())));

    /// <summary>
    /// How many of the seeded nudges arrived. On a Monday morning the service also sends digests: those are not
    /// seeded rows and are not counted.
    /// </summary>
    private static int SeededArrivals(List<string?> received, List<Nudge> rows)
    {
        var seeded = rows.Select(r => r.MessageId).OfType<string>().ToHashSet();
        return received.Count(id => id is not null && seeded.Contains(id));
    }

    /// <summary>The Message-IDs that reached the SMTP server, read from its Maildir once.</summary>
    internal static List<string?> ReceivedIds(SmtpServer smtp) => smtp.Messages().Select(m => m.MessageId).ToList();

    /// <param name="inFlight">How many messages can be mid-handover at one moment: one per connection of each node that was killed.</param>
    internal static void AssertEachOnce(List<string?> received, List<Nudge> rows, int inFlight)
    {
        Assert.Equal(received.Count, received.Distinct().Count()); // nothing arrived twice
        Assert.All(rows, r => Assert.Contains(r.State, new[] { NudgeStates.Sent, NudgeStates.Uncertain }));
        Assert.All(rows.Where(r => r.State == NudgeStates.Sent), r => Assert.Single(received, id => id == r.MessageId));
        // A row caught between "handed to the server" and "recorded" is flagged, never resent: at most those in flight.
        var uncertain = rows.Count(r => r.State == NudgeStates.Uncertain);
        Assert.True(uncertain <= inFlight, $"{uncertain} rows uncertain, more than the {inFlight} that can be in flight at once");
    }

    [Fact]
    public async Task Sigkill_DuringDispatch_ThenRestart_DeliversEachDueNudgeOnce()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        await using (var seed = new TimingFactory(database, new FakeClock(SystemClock.Instance.GetCurrentInstant())))
        {
            await SeedDueNudgesAsync(seed, 400);
        }
        var settings = new Dictionary<string, string>(smtp.Settings.Select(kv => KeyValuePair.Create(kv.Key, kv.Value!)))
        {
            ["Storage:SqlitePath"] = database,
            ["Worker:ClaimLeaseSeconds"] = "1",
            ["Worker:BatchSize"] = "25",
            ["Mail:Connections"] = "2",
            ["Feeds:UidHost"] = "timing.test",
        };

        await using (var first = await ServiceProcess.StartAsync(dir, settings))
        {
            await WaitUntilAsync(() => Task.FromResult(smtp.Messages().Length >= 60), TimeSpan.FromSeconds(60));
            first.Kill();
        }
        var atKill = smtp.Messages().Length;
        Assert.True(atKill < 400, "the kill came after everything was sent; the test proved nothing");

        await using var second = await ServiceProcess.StartAsync(dir, settings);
        await using var check = new TimingFactory(database);
        await WaitUntilAsync(async () => await check.WithDbAsync(db => Seeded(db).CountAsync(n => n.State == NudgeStates.Pending || n.State == NudgeStates.Claimed || n.State == NudgeStates.Sending)) == 0,
            TimeSpan.FromSeconds(90), check);
        var rows = await check.WithDbAsync(db => Seeded(db).AsNoTracking().ToListAsync());
        Assert.Equal(400, rows.Count);
        var received = ReceivedIds(smtp);
        AssertEachOnce(received, rows, inFlight: 2);
        Assert.True(SeededArrivals(received, rows) >= 398);
    }

    [Fact]
    public async Task TwoProcesses_OnOnePostgreSqlServer_SendEachDueNudgeOnce()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        var connection = await postgres.NewDatabaseAsync();
        var pg = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql", ["Storage:PostgreSqlConnectionString"] = connection };
        await using (var seed = new TimingFactory(clock: new FakeClock(SystemClock.Instance.GetCurrentInstant()), settings: pg))
        {
            await SeedDueNudgesAsync(seed, 600);
        }
        var settings = new Dictionary<string, string>(smtp.Settings.Concat(pg).Select(kv => KeyValuePair.Create(kv.Key, kv.Value!)))
        {
            // The nodes pool their connections, as a deployment does: without a pool every query opens a new
            // server process, and on a busy machine each one took 150–250 ms, a dispatch rate of about 3 a second.
            ["Storage:PostgreSqlConnectionString"] = new Npgsql.NpgsqlConnectionStringBuilder(connection) { Pooling = true }.ConnectionString,
            ["Worker:BatchSize"] = "20",
            ["Feeds:UidHost"] = "timing.test",
        };
        var dir = TestPaths.NewScratchDirectory();
        await using var one = await ServiceProcess.StartAsync(dir, new Dictionary<string, string>(settings) { ["Worker:NodeName"] = "node-1" });
        await using var two = await ServiceProcess.StartAsync(dir, new Dictionary<string, string>(settings) { ["Worker:NodeName"] = "node-2" });

        await using var check = new TimingFactory(settings: pg);
        await WaitUntilAsync(async () => await check.WithDbAsync(db => Seeded(db).CountAsync(n => n.State != NudgeStates.Sent && n.State != NudgeStates.Uncertain)) == 0,
            // Long enough for a claim whose run ended to come back after its lease (Worker:ClaimLeaseSeconds, 120 s).
            TimeSpan.FromSeconds(300), check);
        var rows = await check.WithDbAsync(db => Seeded(db).AsNoTracking().ToListAsync());
        var received = ReceivedIds(smtp);
        AssertEachOnce(received, rows, inFlight: 0);
        Assert.Equal(600, SeededArrivals(received, rows));
        Assert.Equal(600, rows.Count(r => r.State == NudgeStates.Sent));
    }
}
