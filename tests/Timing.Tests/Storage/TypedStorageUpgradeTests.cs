using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;

namespace Timing.Tests.Storage;

/// <summary>
/// A database made by the release before the entities were typed, with a row in every table that holds an instant,
/// a day, a language, a nudge mode or a list, written the way that release wrote them: brought to the current schema
/// in place, every value reads back through the typed entities, and writing goes to the same columns as before.
/// </summary>
[Collection(PostgresCollection.Name)]
public class TypedStorageUpgradeTests(PostgresServer postgres)
{
    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    private static readonly Instant T = Instant.FromUtc(2026, 11, 22, 9, 15, 30).PlusNanoseconds(123_000_000);

    /// <summary>Instants a few hours apart, each with milliseconds, as the old columns held them.</summary>
    private static Instant At(int hours) => T + Duration.FromHours(hours);

    private static string Ms(int hours) => At(hours).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private async Task<TimingDbContext> NewDatabaseAsync(string provider) => provider == "PostgreSql"
        ? new PostgresTimingDbContext(new DbContextOptionsBuilder<PostgresTimingDbContext>().UseNpgsql(await postgres.NewDatabaseAsync()).Options)
        : new SqliteTimingDbContext(new DbContextOptionsBuilder<SqliteTimingDbContext>()
            .UseSqlite($"Data Source={Path.Combine(TestPaths.NewScratchDirectory(), "timing.db")};Pooling=False").Options);

    /// <summary>The migration a database made by the previous release ends with.</summary>
    private static string PreviousRelease(TimingDbContext db)
    {
        var migrations = db.Database.GetMigrations().ToList();
        return migrations[migrations.FindIndex(m => m.EndsWith("_TypedStorage", StringComparison.Ordinal)) - 1];
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DatabaseOfThePreviousRelease_ConvertsInPlace_AndEveryValueReadsBackTyped(string provider)
    {
        await using var db = await NewDatabaseAsync(provider);
        await db.GetService<IMigrator>().MigrateAsync(PreviousRelease(db));
        foreach (var statement in RowsAsThePreviousReleaseWroteThem())
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }

        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        Assert.Equal(At(0), (await db.Organisations.SingleAsync()).Created);

        var anna = await db.People.SingleAsync(p => p.Email == "anna@org.nl");
        Assert.Equal((Language.En, NudgeMode.Digest, (NudgeMode?)null, At(1), "Anna", Roles.Director, true),
            (anna.Language, anna.NudgeMode, anna.ModeBeforeUnsubscribe, anna.Created, anna.Name, anna.Role, anna.IsOperator));
        Assert.Equal(["finance", "parties"], anna.Audiences.Order(StringComparer.Ordinal));
        Assert.Equal(["GM0344", "GM0363"], anna.Municipalities.Order(StringComparer.Ordinal));
        var bob = await db.People.SingleAsync(p => p.Email == "bob@org.nl");
        Assert.Equal((Language.Nl, NudgeMode.None, (NudgeMode?)NudgeMode.Both, 0, 0),
            (bob.Language, bob.NudgeMode, bob.ModeBeforeUnsubscribe, bob.Audiences.Count, bob.Municipalities.Count));

        var utrecht = await db.FollowedMunicipalities.Include(m => m.Actuals).Include(m => m.Events).SingleAsync();
        Assert.Equal((new LocalDate(2027, 1, 1), "midden", 3), (utrecht.MergerDate, utrecht.SchoolRegion, utrecht.Version));
        var actual = Assert.Single(utrecht.Actuals);
        Assert.Equal(("coalition-agreement", 2026, new LocalDate(2026, 6, 10), new LocalDate(2026, 6, 12)), (actual.Kind, actual.Cycle, actual.Start, actual.End));
        var local = Assert.Single(utrecht.Events);
        Assert.Equal(("Werkbezoek", new LocalDate(2026, 9, 3), new LocalDate(2026, 9, 4)), (local.Title, local.Start, local.End));

        Assert.Equal(At(2), (await db.DateChanges.SingleAsync()).At);
        Assert.Equal(At(3), (await db.OrganisationChanges.SingleAsync()).At);

        var tokens = await db.FeedTokens.OrderBy(t => t.Id).ToListAsync();
        Assert.Equal([(At(4), (Instant?)At(5)), (At(5), null)], tokens.Select(t => (t.Created, t.Revoked)));
        var links = await db.SignInLinks.OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([(At(6), (Instant?)At(-1)), (At(7), null)], links.Select(l => (l.Expires, l.Used)));

        var nudges = await db.Nudges.OrderBy(n => n.Id).ToListAsync();
        Assert.Equal(
            [(new LocalDate(2026, 11, 23), At(20), Nudge.Immediately, (Instant?)At(21), (Instant?)At(22), At(8)),
             (new LocalDate(2026, 11, 30), At(24), At(25), null, null, At(9))],
            nudges.Select(n => (n.Day, n.Due, n.NextAttempt, n.Claimed, n.Sent, n.Created)));

        Assert.Equal(At(10), (await db.FeedVersions.SingleAsync()).Modified);

        var facts = await db.PublicFacts.OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(
            [(new LocalDate(2027, 11, 4), new LocalDate(2027, 11, 11), At(11), (Instant?)At(12)),
             (new LocalDate(2027, 11, 4), new LocalDate(2027, 11, 4), At(12), null)],
            facts.Select(f => (f.Start, f.End, f.SetAt, f.Reverted)));

        var meetings = await db.Meetings.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(
            [(new LocalDate(2027, 11, 4), (Instant?)Instant.FromUtc(2027, 11, 4, 18, 30), (Instant?)At(13), At(14), At(15)),
             (new LocalDate(2027, 11, 11), null, null, At(14), At(15))],
            meetings.Select(m => (m.Date, m.Start, m.Confirmed, m.FirstSeen, m.LastSeen)));

        var source = await db.MeetingSources.SingleAsync();
        Assert.Equal((At(16), (Instant?)At(17), (Instant?)At(18), (Instant?)null, (Instant?)At(19), (LocalDate?)new LocalDate(2028, 7, 9), At(-2)),
            (source.NextFetch, source.LastAttempt, source.LastSuccess, source.FailingSince, source.FailureMailSent, source.SeesUntil, source.Configured));
        // The error of that release was stored in English only; a Dutch page shows it as it was rather than nothing.
        Assert.Equal(new LocalizedText("https://example.test/cal.ics: 503 Service Unavailable", "https://example.test/cal.ics: 503 Service Unavailable"), source.LastError);

        // Comparisons of instants and days still run in the database, on the converted values.
        Assert.Equal([2L], await db.Nudges.Where(n => n.Due > At(22) && n.NextAttempt <= At(25)).Select(n => n.Id).ToListAsync());
        Assert.Equal([2L, 1L], await db.Meetings.Where(m => m.Date >= new LocalDate(2027, 11, 4)).OrderBy(m => m.Start != null).ThenBy(m => m.Start).Select(m => m.Id).ToListAsync());
        Assert.Equal(["anna@org.nl"], await db.People.Where(p => p.ModeBeforeUnsubscribe == null && p.Language == Language.En).Select(p => p.Email).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TypedValues_AreWrittenToTheColumnsAsThePreviousReleaseWroteThem(string provider)
    {
        await using var db = await NewDatabaseAsync(provider);
        await db.GetService<IMigrator>().MigrateAsync(PreviousRelease(db));
        foreach (var statement in RowsAsThePreviousReleaseWroteThem())
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
        await db.Database.MigrateAsync();

        var anna = await db.People.SingleAsync(p => p.Email == "anna@org.nl");
        anna.ModeBeforeUnsubscribe = anna.NudgeMode;
        anna.NudgeMode = NudgeMode.None;
        anna.Language = Language.Nl;
        anna.Audiences = new HashSet<string> { "parties", "councillors" };
        anna.Municipalities = StoredSets.Empty;
        anna.Created = At(30);
        var bob = await db.People.SingleAsync(p => p.Email == "bob@org.nl");
        bob.NudgeMode = bob.ModeBeforeUnsubscribe!.Value;
        bob.ModeBeforeUnsubscribe = null;
        var meeting = await db.Meetings.SingleAsync(m => m.Id == 1);
        meeting.Start = null;
        meeting.Date = new LocalDate(2027, 12, 2);
        await db.SaveChangesAsync();

        Assert.Equal("digest|none|nl|councillors,parties|", await Text(db, """SELECT "ModeBeforeUnsubscribe" || '|' || "NudgeMode" || '|' || "Language" || '|' || "Audiences" || '|' || "Municipalities" AS "Value" FROM people WHERE "Id" = 1"""));
        Assert.Equal(At(30).ToUnixTimeMilliseconds(), await db.Database.SqlQueryRaw<long>("""SELECT "CreatedUnixMs" AS "Value" FROM people WHERE "Id" = 1""").SingleAsync());
        Assert.Equal("both", await Text(db, """SELECT "NudgeMode" AS "Value" FROM people WHERE "Id" = 2 AND "ModeBeforeUnsubscribe" IS NULL"""));
        Assert.Equal("2027-12-02", await Text(db, """SELECT CAST("Date" AS TEXT) AS "Value" FROM meetings WHERE "Id" = 1"""));
        Assert.Equal(2L, await db.Database.SqlQueryRaw<long>("""SELECT COUNT(*) AS "Value" FROM meetings WHERE "StartUnixMs" IS NULL""").SingleAsync());

        // Back to the previous release: its representation returns, so going back loses nothing either.
        await db.GetService<IMigrator>().MigrateAsync(PreviousRelease(db));
        Assert.Equal("|digest", await Text(db, """SELECT "ModeBeforeUnsubscribe" || '|' || (SELECT "ModeBeforeUnsubscribe" FROM people WHERE "Id" = 1) AS "Value" FROM people WHERE "Id" = 2"""));
        Assert.Equal([0L, 0L], await db.Database.SqlQueryRaw<long>("""SELECT "StartUnixMs" AS "Value" FROM meetings ORDER BY "Id" """).ToListAsync());
    }

    private static Task<string> Text(TimingDbContext db, string sql) => db.Database.SqlQueryRaw<string>(sql).SingleAsync();

    /// <summary>
    /// One organisation's data as the previous release stored it: instants as Unix milliseconds, days as
    /// yyyy-MM-dd, languages and modes as words, lists comma-separated, "no time" as 0, "subscribed" as ''.
    /// </summary>
    private static IEnumerable<string> RowsAsThePreviousReleaseWroteThem() => new[]
    {
        $"""INSERT INTO organisations ("Id", "Name", "CreatedUnixMs") VALUES (1, 'Org', {Ms(0)})""",
        $"""
         INSERT INTO people ("Id", "OrganisationId", "Email", "Name", "Language", "Role", "Audiences", "Municipalities", "NudgeMode", "ModeBeforeUnsubscribe", "CreatedUnixMs", "SecurityStamp", "IsOperator")
         VALUES (1, 1, 'anna@org.nl', 'Anna', 'en', 'director', 'parties,finance', 'GM0363,GM0344', 'digest', '', {Ms(1)}, 'a1', TRUE),
                (2, 1, 'bob@org.nl', '', 'nl', 'member', '', '', 'none', 'both', {Ms(1)}, 'b2', FALSE)
         """,
        """INSERT INTO followed_municipalities ("Id", "OrganisationId", "Code", "Name", "MergerDate", "SchoolRegion", "Version") VALUES (1, 1, 'GM0344', 'Utrecht', '2027-01-01', 'midden', 3)""",
        """INSERT INTO actual_dates ("Id", "FollowedMunicipalityId", "Kind", "Cycle", "Start", "End") VALUES (1, 1, 'coalition-agreement', 2026, '2026-06-10', '2026-06-12')""",
        """INSERT INTO local_events ("Id", "FollowedMunicipalityId", "Title", "Kind", "Start", "End") VALUES (1, 1, 'Werkbezoek', 'local-event', '2026-09-03', '2026-09-04')""",
        $"""INSERT INTO date_changes ("Id", "FollowedMunicipalityId", "PersonId", "PersonEmail", "AtUnixMs", "Subject", "OldValue", "NewValue") VALUES (1, 1, 1, 'anna@org.nl', {Ms(2)}, 'coalition-agreement/2026', '', '2026-06-10/2026-06-12')""",
        $"""INSERT INTO organisation_changes ("Id", "OrganisationId", "PersonEmail", "AtUnixMs", "Subject", "OldValue", "NewValue") VALUES (1, 1, 'anna@org.nl', {Ms(3)}, 'unfollow/GM0363', 'Amsterdam', '')""",
        $"""INSERT INTO feed_tokens ("Id", "PersonId", "Hash", "CreatedUnixMs", "RevokedUnixMs") VALUES (1, 1, 'h1', {Ms(4)}, {Ms(5)}), (2, 1, 'h2', {Ms(5)}, NULL)""",
        $"""INSERT INTO sign_in_links ("Id", "PersonId", "Hash", "ExpiresUnixMs", "UsedUnixMs") VALUES (1, 1, 's1', {Ms(6)}, {Ms(-1)}), (2, 2, 's2', {Ms(7)}, NULL)""",
        $"""
         INSERT INTO nudges ("Id", "PersonId", "Kind", "Subject", "LeadId", "Day", "DueUnixMs", "State", "Attempts", "NextAttemptUnixMs", "ClaimedBy", "ClaimedUnixMs", "SentUnixMs", "CreatedUnixMs")
         VALUES (1, 1, 'nudge', 'GM0344/election/2026', 'start-P14D', '2026-11-23', {Ms(20)}, 'sent', 1, 0, 'node/1', {Ms(21)}, {Ms(22)}, {Ms(8)}),
                (2, 1, 'digest', '2026-W49', '', '2026-11-30', {Ms(24)}, 'pending', 1, {Ms(25)}, NULL, NULL, NULL, {Ms(9)})
         """,
        $"""INSERT INTO feed_versions ("Scope", "Uid", "Fingerprint", "Sequence", "ModifiedUnixMs") VALUES ('public:GM0344', 'GM0344.election.2026@timing.test', 'f', 2, {Ms(10)})""",
        $"""
         INSERT INTO public_facts ("Id", "Code", "Kind", "Cycle", "Start", "End", "Source", "SourceUrl", "MeetingId", "SetBy", "SetUnixMs", "RevertedUnixMs", "RevertedBy")
         VALUES (1, 'GM0344', 'budget-debate', 2027, '2027-11-04', '2027-11-11', 'Begrotingsraad', '', NULL, 'meetings:ical', {Ms(11)}, {Ms(12)}, 'operator:x'),
                (2, 'GM0344', 'budget-debate', 2027, '2027-11-04', '2027-11-04', 'Begrotingsraad', '', NULL, 'anna@org.nl', {Ms(12)}, NULL, '')
         """,
        $"""
         INSERT INTO meetings ("Id", "Code", "SourceKind", "ExternalId", "Title", "Committee", "Location", "Url", "Date", "StartUnixMs", "Category", "Kind", "Certain", "SocialDomain", "ConfirmedBy", "ConfirmedUnixMs", "FirstSeenUnixMs", "LastSeenUnixMs")
         VALUES (1, 'GM0344', 'ical', 'm1', 'Begrotingsraad', '', '', '', '2027-11-04', {Instant.FromUtc(2027, 11, 4, 18, 30).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}, 'council', 'budget-debate', FALSE, TRUE, 'anna@org.nl', {Ms(13)}, {Ms(14)}, {Ms(15)}),
                (2, 'GM0344', 'ical', 'm2', 'Raad', '', '', '', '2027-11-11', 0, 'council', '', FALSE, FALSE, '', NULL, {Ms(14)}, {Ms(15)})
         """,
        $"""
         INSERT INTO meeting_sources ("Code", "Kind", "Address", "ETag", "LastModified", "NextFetchUnixMs", "LastAttemptUnixMs", "LastSuccessUnixMs", "FailingSinceUnixMs", "LastError", "FailureMailSentUnixMs", "SeesUntil", "MeetingsSeen", "ConfiguredBy", "ConfiguredUnixMs")
         VALUES ('GM0344', 'ical', 'https://example.test/cal.ics', '', '', {Ms(16)}, {Ms(17)}, {Ms(18)}, NULL, 'https://example.test/cal.ics: 503 Service Unavailable', {Ms(19)}, '2028-07-09', 2, 'operator', {Ms(-2)})
         """,
    };
}
