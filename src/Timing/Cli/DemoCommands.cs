using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Cli;

/// <summary>
/// <c>timing demo seed</c>: fills a throwaway instance with organisations, people and council meetings, so an operator
/// can see and measure an instance of a sector association's size before it has one. Never meant for a real database.
/// </summary>
public static class DemoCommands
{
    /// <summary>Every seeded organisation's name starts so: that is how the command tells its own data from real data.</summary>
    public const string Prefix = "Demo-organisatie ";

    public static Command Create(CliContext context)
    {
        var organisations = new Option<int>("--organisations") { Description = "Number of organisations (default 500).", DefaultValueFactory = _ => 500 };
        var people = new Option<int>("--people") { Description = "Number of people, spread over the organisations (default 50000).", DefaultValueFactory = _ => 50000 };
        var meetings = new Option<int>("--meetings") { Description = "Council and committee meetings per municipality over the year (default 40).", DefaultValueFactory = _ => 40 };
        var force = new Option<bool>("--force") { Description = "Seed even though the database holds organisations this command did not make." };
        var tokens = new Option<string>("--feed-tokens-file") { Description = "Write the personal feed tokens, one a line, to this new file (mode 0600), for a load test of the personal feeds." };
        var seed = new Command("seed", "Vult een wegwerp-installatie met voorbeeldgegevens / Fills a throwaway instance with realistic demo data.") { organisations, people, meetings, force, tokens };
        seed.SetAction(parsed =>
        {
            var orgCount = parsed.GetValue(organisations);
            var peopleCount = parsed.GetValue(people);
            var meetingCount = parsed.GetValue(meetings);
            if (orgCount is < 1 or > 100_000)
            {
                throw new UsageException($"--organisations must be 1–100000 (got {orgCount}).");
            }
            if (peopleCount < orgCount || peopleCount > 10_000_000)
            {
                throw new UsageException($"--people must be at least --organisations ({orgCount}: every organisation has a director) and at most 10000000 (got {peopleCount}).");
            }
            if (meetingCount is < 0 or > 1000)
            {
                throw new UsageException($"--meetings must be 0–1000 (got {meetingCount}).");
            }
            return AdminCommands.Run(context, async services =>
            {
                var db = services.GetRequiredService<TimingDbContext>();
                var real = await db.Organisations.AsNoTracking().Where(o => !o.Name.StartsWith(Prefix)).Select(o => o.Name).FirstOrDefaultAsync();
                if (real is not null && !parsed.GetValue(force))
                {
                    context.Error.WriteLine($"timing demo seed: this database already holds real organisations (such as '{new string(real.Where(c => !char.IsControl(c)).ToArray())}'); seed a throwaway database (set Storage:SqlitePath or Storage:PostgreSqlConnectionString to a new one), or add --force.");
                    return 1;
                }
                var watch = Stopwatch.StartNew();
                using var tokenFile = parsed.GetValue(tokens) is { } path ? NewPrivateFile(path) : null;
                var counts = await SeedAsync(db, services.GetRequiredService<MunicipalityDirectory>().All.ToList(),
                    services.GetRequiredService<Core.Cycle.CycleRules>().SchoolRegions.Select(r => r.Id).ToArray(), services.GetRequiredService<IClock>().GetCurrentInstant(),
                    orgCount, peopleCount, meetingCount, tokenFile);
                context.Output.WriteLine($"Voorbeeldgegevens toegevoegd / demo data added: {counts} in {watch.Elapsed.TotalSeconds:0.0} s.");
                return 0;
            });
        });
        var runs = new Option<int>("--runs") { Description = "Planning runs one after the other in this process (default 1); the second is an hour without changes.", DefaultValueFactory = _ => 1 };
        var plan = new Command("plan", "Plant ieders herinneringen en meet hoe lang dat duurt / Plans everyone's reminders and measures how long it takes.") { runs };
        plan.SetAction(parsed => AdminCommands.Run(context, async services =>
        {
            // The hourly job's run, timed alone. The first fills the outbox, or plans once more after a restart (which
            // remembers no organisation's inputs); the next ones are hours in which nothing changed, as in a running service.
            for (var run = 1; run <= Math.Max(1, parsed.GetValue(runs)); run++)
            {
                var watch = Stopwatch.StartNew();
                await using var scope = services.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<Worker.NudgeOutbox>().PlanAsync(CancellationToken.None);
                context.Output.WriteLine($"Gepland / planned: {result.Added} added, {result.Retracted} retracted, {result.Kept} kept, " +
                    $"{result.Unchanged} organisations unchanged in {watch.Elapsed.TotalSeconds:0.0} s.");
            }
            return 0;
        }));
        return new Command("demo", "Voorbeeldgegevens voor een wegwerp-installatie / Demo data for a throwaway instance.") { seed, plan };
    }

    private static async Task<string> SeedAsync(TimingDbContext db, List<Municipality> municipalities, string[] regions, Instant now, int organisations, int people, int meetingsPerMunicipality, TextWriter? tokenFile)
    {
        // Fixed seed: two runs of the same size give the same data, so measurements compare.
        var random = new Random(20261207);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = await db.Organisations.CountAsync(o => o.Name.StartsWith(Prefix));
        var followed = 0;
        var entered = 0;
        var personNumber = await db.People.CountAsync();
        var batch = new List<Organisation>();
        for (var o = 0; o < organisations; o++)
        {
            var organisation = new Organisation { Name = $"{Prefix}{start + o + 1}", Created = now };
            // A welfare organisation works in a region: a run of neighbouring codes, 2 to 12 municipalities.
            var first = random.Next(municipalities.Count);
            foreach (var municipality in Enumerable.Range(0, random.Next(2, 13)).Select(i => municipalities[(first + i) % municipalities.Count]))
            {
                var row = new FollowedMunicipality { Code = municipality.Code.Value, Name = municipality.Name, SchoolRegion = Pick(random, regions) };
                if (random.Next(3) == 0)
                {
                    // The coalition agreement after the 2026 election, entered by the director.
                    var day = new LocalDate(2026, 5, 1).PlusDays(random.Next(90));
                    row.Actuals.Add(new ActualDateRow { Kind = MomentKinds.CoalitionAgreement, Cycle = 2026, Start = day, End = day });
                    entered++;
                }
                if (random.Next(4) == 0)
                {
                    var day = new LocalDate(2026, 9, 1).PlusDays(random.Next(120));
                    row.Events.Add(new LocalEventRow { Title = "Overleg met de wethouder sociaal domein", Start = day, End = day });
                    entered++;
                }
                organisation.Municipalities.Add(row);
                followed++;
            }
            var share = people / organisations + (o < people % organisations ? 1 : 0);
            for (var p = 0; p < share; p++)
            {
                personNumber++;
                var codes = organisation.Municipalities.Select(m => m.Code).ToList();
                organisation.People.Add(new Person
                {
                    Email = $"persoon{personNumber}@demo{start + o + 1}.example",
                    Name = $"Persoon {personNumber}",
                    Role = p == 0 ? Roles.Director : Roles.Member,
                    Language = random.Next(10) == 0 ? Language.En : Language.Nl,
                    // Most want each nudge; some only the Monday digest, some both, a few nothing.
                    NudgeMode = random.Next(10) switch { < 6 => NudgeMode.Each, < 8 => NudgeMode.Digest, 8 => NudgeMode.Both, _ => NudgeMode.None },
                    // A third follow only some of their organisation's municipalities.
                    Municipalities = random.Next(3) == 0 ? codes.Where(_ => random.Next(2) == 0).Take(3).ToHashSet() : StoredSets.Empty,
                    Created = now,
                    // Demo people stand for colleagues who accepted their invitation: without it nothing is planned for them.
                    Invited = now,
                    Accepted = now,
                });
            }
            db.Organisations.Add(organisation);
            batch.Add(organisation);
            if (batch.Count == 20 || o == organisations - 1)
            {
                await db.SaveChangesAsync();
                // Everyone gets a feed address; only its hash is stored, as for a real person.
                foreach (var person in batch.SelectMany(b => b.People))
                {
                    var token = Web.Secrets.NewToken();
                    tokenFile?.WriteLine(token);
                    db.FeedTokens.Add(new FeedToken { PersonId = person.Id, Hash = Web.Secrets.Hash(token), Created = now });
                }
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                batch.Clear();
            }
        }
        var meetings = await AddMeetingsAsync(db, municipalities, now, meetingsPerMunicipality, random);
        return $"{organisations} organisations, {people} people with a feed each, {followed} followed municipalities, {entered} entered dates and events, {meetings} council meetings";
    }

    /// <summary>The council's year for every municipality: council meetings and committee meetings, about half of them social domain.</summary>
    private static async Task<int> AddMeetingsAsync(TimingDbContext db, List<Municipality> municipalities, Instant now, int perMunicipality, Random random)
    {
        var amsterdam = DateTimeZoneProviders.Tzdb["Europe/Amsterdam"];
        var count = 0;
        foreach (var municipality in municipalities)
        {
            for (var i = 0; i < perMunicipality; i++)
            {
                var council = i % 3 == 0;
                var date = new LocalDate(2026, 1, 5).PlusDays(i * 365 / Math.Max(perMunicipality, 1) + random.Next(3));
                var social = !council && random.Next(2) == 0;
                db.Meetings.Add(new Meeting
                {
                    Code = municipality.Code.Value,
                    SourceKind = "ical",
                    ExternalId = $"demo-{municipality.Code.Value}-{i}",
                    Title = council ? "Gemeenteraad" : social ? "Commissie Sociaal Domein" : "Commissie Ruimte",
                    Committee = council ? "" : social ? "Sociaal Domein" : "Ruimte",
                    Location = "Raadzaal",
                    Date = date,
                    Start = date.At(new LocalTime(19, 30)).InZoneLeniently(amsterdam).ToInstant(),
                    Category = council ? "council" : "committee",
                    SocialDomain = social,
                    FirstSeen = now,
                    LastSeen = now,
                });
                count++;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return count;
    }

    // The tokens open every seeded person's feed: readable by the operator alone, and never over an existing file.
    private static StreamWriter NewPrivateFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFiles.FileMode;
        }
        return new StreamWriter(new FileStream(path, options));
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}
