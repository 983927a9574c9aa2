using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Municipalities;

/// <summary>The stored profile of a followed municipality, as the planner reads it, and the changes directors make to it.</summary>
public static class FollowedMunicipalities
{
    public static MunicipalityProfile ToProfile(this FollowedMunicipality row) => new(
        new Municipality(MunicipalityCode.Parse(row.Code), row.Name),
        row.MergerDate,
        row.Actuals.Select(a => new ActualDate(a.Kind, a.Cycle, new DateInterval(a.Start, a.End))).ToArray(),
        row.Events.Select(e => new LocalEvent(e.Id.ToString(CultureInfo.InvariantCulture), e.Title, new DateInterval(e.Start, e.End), e.Description, e.Kind)).ToArray(),
        row.SchoolRegion.Length == 0 ? null : row.SchoolRegion);

    /// <summary>The organisation's municipality with this code, with its facts, or null (also for another organisation's).</summary>
    public static Task<FollowedMunicipality?> FindAsync(TimingDbContext db, int organisationId, string code, CancellationToken cancellationToken) =>
        db.FollowedMunicipalities.Include(m => m.Actuals).Include(m => m.Events)
            .FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.Code == code, cancellationToken);

    /// <summary>
    /// Records an actual date after checking it against the cycle's order. Returns the problem in both
    /// languages when the date is refused; then nothing is stored.
    /// </summary>
    public static async Task<LocalizedText?> SetActualAsync(TimingDbContext db, CyclePlanner planner, FollowedMunicipality row, string kind,
        DateInterval dates, Person by, Instant now, CancellationToken cancellationToken)
    {
        var profile = row.ToProfile();
        var cycle = planner.CycleOf(profile, kind, dates.Start);
        var changed = profile with { Actuals = profile.Actuals.Where(a => a.Kind != kind || a.Cycle != cycle).Append(new ActualDate(kind, cycle, dates)).ToArray() };
        var timeline = planner.Plan(changed, new DateInterval(dates.Start.PlusYears(-3), dates.Start.PlusYears(3)));
        if (ActualDateRules.Check(timeline, cycle) is { } problem)
        {
            return problem;
        }
        var existing = row.Actuals.FirstOrDefault(a => a.Kind == kind && a.Cycle == cycle);
        var old = existing is null ? "" : Describe(existing.Start, existing.End);
        if (existing is null)
        {
            row.Actuals.Add(new ActualDateRow { Kind = kind, Cycle = cycle, Start = dates.Start, End = dates.End });
        }
        else
        {
            existing.Start = dates.Start;
            existing.End = dates.End;
        }
        Audit(db, row, by, now, $"{kind}/{cycle}", old, Describe(dates.Start, dates.End));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Adds a line to the audit trail and raises the municipality's version.</summary>
    public static void Audit(TimingDbContext db, FollowedMunicipality row, Person by, Instant now, string subject, string oldValue, string newValue)
    {
        row.Version++;
        db.DateChanges.Add(new DateChange
        {
            FollowedMunicipalityId = row.Id,
            PersonId = by.Id,
            PersonEmail = by.Email,
            At = now,
            Subject = subject,
            OldValue = oldValue,
            NewValue = newValue,
        });
    }

    private static string Describe(LocalDate start, LocalDate end) => Facts.PublicFactRows.Describe(start, end);
}
