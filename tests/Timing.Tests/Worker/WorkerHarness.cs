using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;
using Timing.Tests.Web;
using Timing.Worker;

namespace Timing.Tests.Worker;

/// <summary>Drives the worker's jobs by hand, with the fake clock, the way Hangfire would on schedule.</summary>
public static class WorkerHarness
{
    /// <summary>Monday 19 January 2026, 09:00 in Amsterdam: Utrecht's nomination-day nudges (14 days ahead) are due.</summary>
    public static readonly Instant NominationNudgesDue = Instant.FromUtc(2026, 1, 19, 8, 0);

    public static async Task<NudgeOutbox.Result> PlanAsync(this TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NudgeOutbox>().PlanAsync(CancellationToken.None);
    }

    public static async Task<NudgeDispatcher.Result> DispatchAsync(this TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NudgeDispatcher>().DispatchAsync(CancellationToken.None);
    }

    /// <summary>Runs the weekly digest job once, as its Monday schedule would.</summary>
    public static async Task DigestAsync(this TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NudgeJobs>().DigestAsync(CancellationToken.None);
    }

    /// <summary>Seeds the people, plans and dispatches once; returns what dispatch did and every row it touched, in send order.</summary>
    public static async Task<(NudgeDispatcher.Result Result, List<Nudge> Rows)> SeedAndDispatchAsync(this TimingFactory factory, params (string Email, Language Language, string Audience)[] people)
    {
        await factory.SeedAsync(people);
        await factory.PlanAsync();
        var result = await factory.DispatchAsync();
        var rows = await factory.WithDbAsync(db => db.Nudges.AsNoTracking()
            .Where(n => n.State != NudgeStates.Pending || n.Attempts > 0).OrderBy(n => n.Due).ThenBy(n => n.Id).ToListAsync());
        return (result, rows);
    }

    /// <summary>Sets how one seeded person receives reminders.</summary>
    public static Task SetNudgeModeAsync(this TimingFactory factory, string email, NudgeMode mode) => factory.WithDbAsync(async db =>
    {
        (await db.People.SingleAsync(p => p.Email == email)).NudgeMode = mode;
        return await db.SaveChangesAsync();
    });

    /// <summary>A director with the default settings who follows the given municipalities.</summary>
    public static async Task<Person> DirectorFollowingAsync(this TimingFactory factory, string email, string organisation, params (string Code, string Name)[] municipalities)
    {
        var director = await factory.CreateDirectorAsync(email, organisation);
        await factory.WithDbAsync(db =>
        {
            foreach (var (code, name) in municipalities)
            {
                db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = director.OrganisationId, Code = code, Name = name });
            }
            return db.SaveChangesAsync();
        });
        return director;
    }

    /// <summary>The first day with at least two reminders for the person, after planning.</summary>
    public static Task<LocalDate> FirstDayWithSeveralRemindersAsync(this TimingFactory factory, int personId) => factory.WithDbAsync(db =>
        db.Nudges.Where(n => n.PersonId == personId && n.Kind == NudgeKinds.Nudge).GroupBy(n => n.Day)
            .Where(g => g.Count() >= 2).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync());

    public static async Task<T> WithDbAsync<T>(this TimingFactory factory, Func<TimingDbContext, Task<T>> action)
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TimingDbContext>());
    }

    /// <summary>An organisation following Utrecht with the given people (email, language, one audience or "" for all).</summary>
    public static async Task SeedAsync(this TimingFactory factory, params (string Email, Language Language, string Audience)[] people)
    {
        var director = await factory.CreateDirectorAsync("directeur@org.nl", "Org");
        await factory.WithDbAsync(async db =>
        {
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = director.OrganisationId, Code = "GM0344", Name = "Utrecht" });
            var me = await db.People.FindAsync(director.Id);
            me!.NudgeMode = NudgeMode.None;
            foreach (var (email, language, audience) in people)
            {
                db.People.Add(new Person { Email = email, OrganisationId = director.OrganisationId, Accepted = NodaTime.Instant.FromUnixTimeSeconds(0), Language = language, Audiences = audience.Length == 0 ? StoredSets.Empty : StoredSets.Of([audience]) });
            }
            return await db.SaveChangesAsync();
        });
    }
}
