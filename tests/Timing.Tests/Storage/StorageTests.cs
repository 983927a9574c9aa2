using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Feeds;
using Timing.Storage;
using Timing.Tests.Web;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Timing.Tests.Storage;

/// <summary>The same storage behaviour on the SQLite file and on a real PostgreSQL server.</summary>
[Trait("Needs", "postgresql")]
[Collection(PostgresCollection.Name)]
public class StorageTests(PostgresServer postgres)
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    private async Task<TimingFactory> Factory(string provider, FakeClock? clock = null) => provider == "PostgreSql"
        ? new TimingFactory(clock: clock, settings: new() { ["Storage:Provider"] = "PostgreSql", ["Storage:PostgreSqlConnectionString"] = await postgres.NewDatabaseAsync() })
        : new TimingFactory(clock: clock);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrations_CreateTheSchema_AndEmailsAreUnique(string provider)
    {
        await using var factory = await Factory(provider);
        _ = factory.Server;
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => factory.CreateDirectorAsync("D@Org.nl", "Org"));
        Assert.Equal("d@org.nl heeft al een account bij 'Org' / d@org.nl already has an account at 'Org'.", duplicate.Message);
        // The same address may direct another organisation too: one account in each.
        await factory.CreateDirectorAsync("D@Org.nl", "Other");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures: add a migration for both providers.");
        Assert.Equal(provider == "PostgreSql", db.Database.IsNpgsql());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DirectorFlow_WorksOnBothDatabases(string provider)
    {
        await using var factory = await Factory(provider);
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "Utrecht" });
        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        var saved = await client.PostFormAsync("/gemeenten/GM0344?handler=Actual", detail, new() { ["Kind"] = "coalition-agreement", ["Date"] = "2030-06-12" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var actual = await db.ActualDates.SingleAsync();
        Assert.Equal((new LocalDate(2030, 6, 12), 2030), (actual.Start, actual.Cycle));
        Assert.Equal("coalition-agreement/2030", (await db.DateChanges.SingleAsync()).Subject);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FeedLedger_CountsEachChangeOnce_EvenWhenRendersRace(string provider)
    {
        await using var factory = await Factory(provider);
        _ = factory.Server;
        async Task Stamp(string fingerprint)
        {
            using var scope = factory.Services.CreateScope();
            var ledger = new FeedLedger(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), factory.Clock);
            await ledger.StampAsync("public:GM0344", [("uid-1", fingerprint)], "Utrecht", CancellationToken.None);
        }
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Stamp("a")));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Stamp("b")));
        using var check = factory.Services.CreateScope();
        var row = await check.ServiceProvider.GetRequiredService<TimingDbContext>().FeedVersions.SingleAsync(v => v.Scope == "public:GM0344" && v.Uid == "uid-1");
        Assert.Equal(("b", 1), (row.Fingerprint, row.Sequence));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FeedLedger_EventThatLeavesAndComesBack_GoesOnFromItsSequence(string provider)
    {
        // A budget-debate window of one day is published as one event; when it widens again its ".opens" event
        // returns, and a client that saw SEQUENCE 0 earlier would ignore a new SEQUENCE 0 with another date.
        await using var factory = await Factory(provider);
        _ = factory.Server;
        async Task<int> Stamp(params (string Uid, string Fingerprint)[] events)
        {
            using var scope = factory.Services.CreateScope();
            var ledger = new FeedLedger(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), factory.Clock);
            return (await ledger.StampAsync("public:GM0014", events, "Groningen", CancellationToken.None)).For("opens").Sequence;
        }
        Assert.Equal(0, await Stamp(("opens", "oct-01"), ("closes", "nov-11")));
        await Stamp(("closes", "nov-11"));
        await Stamp(("closes", "nov-11"));
        Assert.Equal(1, await Stamp(("opens", "oct-20"), ("closes", "nov-11")));
        Assert.Equal(1, await Stamp(("opens", "oct-20"), ("closes", "nov-11")));
    }
}
