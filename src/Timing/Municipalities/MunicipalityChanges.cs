using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Storage;
using Timing.Web;
using Timing.Worker;

namespace Timing.Municipalities;

/// <summary>
/// The changes a director makes to a followed municipality: an actual date, the schedule (merger and school region),
/// an event, publishing a date, confirming a meeting, and removing. Each checks its input, stores the change with its
/// line in the audit trail, re-plans the organisation's reminders and says what happened, in both languages.
/// </summary>
public sealed class MunicipalityChanges(TimingDbContext db, PageData data, CyclePlanner planner, CycleRules rules, IClock clock, PlanTrigger trigger,
    Meetings.MeetingImporter importer, Facts.PublicFactStore facts)
{
    /// <summary>Who changes what: the director's organisation and person, and the language they read (audit lines keep names in it).</summary>
    public sealed record Director(int OrganisationId, int PersonId, Language Language);

    /// <summary>The actual-date form, as posted (also by the date questions on the overview).</summary>
    public sealed record ActualInput(string? Kind, string? Date, string? EndDate);

    public sealed record ScheduleInput(string? MergerDate, string? Region);

    public sealed record EventInput(string? EventTitle, string? EventDate, string? EventKind);

    /// <summary>The publish form: an own date as "kind/cycle" and a source anyone can check.</summary>
    public sealed record PublishInput(string? PublishKind, string? PublishUrl);

    /// <summary>Something a director may remove, and how the confirmation names it.</summary>
    public sealed record Removable(FollowedMunicipality Row, object Target, LocalizedText Thing);

    public Task<FollowedMunicipality?> FindAsync(Director who, string code, CancellationToken cancellationToken) =>
        FollowedMunicipalities.FindAsync(db, who.OrganisationId, code.ToUpperInvariant(), cancellationToken);

    public Task<ChangeOutcome> SetActualAsync(Director who, string code, ActualInput input, CancellationToken cancellationToken) =>
        Change(who, code, async (row, me) =>
        {
            if (input.Kind is not { } kind || rules.Find(kind) is null)
            {
                return ChangeOutcome.Invalid("Kind", ChangeTexts.ChooseMoment);
            }
            var start = LocalDatePattern.Iso.Parse(input.Date ?? "");
            if (!start.Success)
            {
                return ChangeOutcome.Invalid("Date", ChangeTexts.EnterDate);
            }
            if (!SupportedDates.Contains(start.Value))
            {
                return ChangeOutcome.Refused("Date", SupportedDates.Problem);
            }
            var end = start.Value;
            if (!string.IsNullOrWhiteSpace(input.EndDate))
            {
                var parsedEnd = LocalDatePattern.Iso.Parse(input.EndDate);
                if (!parsedEnd.Success || parsedEnd.Value < start.Value)
                {
                    return ChangeOutcome.Invalid("EndDate", ChangeTexts.EnterEndDate);
                }
                end = parsedEnd.Value;
                if (!SupportedDates.Contains(end))
                {
                    return ChangeOutcome.Refused("EndDate", SupportedDates.Problem);
                }
            }
            if (end != start.Value && !(await data.ViewAsync(row, cancellationToken)).WindowKinds.Contains(kind))
            {
                return ChangeOutcome.Invalid("EndDate", ChangeTexts.SingleDay);
            }
            var dates = new DateInterval(start.Value, end);
            var cycle = planner.CycleOf(row.ToProfile(), kind, dates.Start);
            var title = KindTitle(kind, cycle);
            if (row.Actuals.Any(a => a.Kind == kind && a.Cycle == cycle && a.Start == dates.Start && a.End == dates.End))
            {
                return ChangeOutcome.Done(ChangeTexts.ActualUnchanged(title));
            }
            if (await FollowedMunicipalities.SetActualAsync(db, planner, row, kind, dates, me, clock.GetCurrentInstant(), cancellationToken) is { } problem)
            {
                return ChangeOutcome.Invalid("Date", problem);
            }
            return ChangeOutcome.Done(ChangeTexts.ActualSaved(title, dates) + await PlanNowAsync(row, cancellationToken));
        }, cancellationToken);

    public Task<ChangeOutcome> SetScheduleAsync(Director who, string code, ScheduleInput input, CancellationToken cancellationToken) =>
        Change(who, code, async (row, me) =>
        {
            LocalDate? merger = null;
            if (!string.IsNullOrWhiteSpace(input.MergerDate))
            {
                var parsed = LocalDatePattern.Iso.Parse(input.MergerDate);
                if (!parsed.Success)
                {
                    return ChangeOutcome.Invalid("MergerDate", ChangeTexts.EnterMergerDate);
                }
                if (!SupportedDates.Contains(parsed.Value))
                {
                    return ChangeOutcome.Refused("MergerDate", SupportedDates.Problem);
                }
                merger = parsed.Value;
            }
            var region = input.Region is not null && rules.SchoolRegion(input.Region) is not null ? input.Region : "";
            var now = clock.GetCurrentInstant();
            var changed = new List<LocalizedText>();
            if (row.MergerDate != merger)
            {
                FollowedMunicipalities.Audit(db, row, me, now, "merger-date", row.MergerDate?.ToString("uuuu-MM-dd", null) ?? "", merger?.ToString("uuuu-MM-dd", null) ?? "");
                row.MergerDate = merger;
                changed.Add(merger is { } day ? ChangeTexts.MergerOn(day) : ChangeTexts.NoMerger);
            }
            if (row.SchoolRegion != region)
            {
                FollowedMunicipalities.Audit(db, row, me, now, "school-region", row.SchoolRegion, region);
                row.SchoolRegion = region;
                changed.Add(ChangeTexts.SchoolRegion(RegionName(region)));
            }
            if (changed.Count == 0)
            {
                return ChangeOutcome.Done(ChangeTexts.ScheduleUnchanged);
            }
            await db.SaveChangesAsync(cancellationToken);
            return ChangeOutcome.Done(ChangeTexts.ScheduleSaved(changed) + await PlanNowAsync(row, cancellationToken));
        }, cancellationToken);

    public Task<ChangeOutcome> AddEventAsync(Director who, string code, EventInput input, CancellationToken cancellationToken) =>
        Change(who, code, async (row, me) =>
        {
            var parsed = LocalDatePattern.Iso.Parse(input.EventDate ?? "");
            var kind = string.IsNullOrWhiteSpace(input.EventKind) ? MomentKinds.LocalEvent : input.EventKind;
            var free = kind == MomentKinds.LocalEvent;
            var problems = new Dictionary<string, LocalizedText>();
            if (!free && rules.Find(kind) is not { IsEntered: true })
            {
                problems["EventTitle"] = ChangeTexts.ChooseWhatHappens;
            }
            else if ((free && string.IsNullOrWhiteSpace(input.EventTitle)) || !TextLimits.Fits(input.EventTitle, TextLimits.EventTitle))
            {
                problems["EventTitle"] = ChangeTexts.EnterEventTitle;
            }
            if (!parsed.Success)
            {
                problems["EventDate"] = ChangeTexts.EnterDate;
            }
            if (problems.Count > 0)
            {
                return new ChangeOutcome(null, problems);
            }
            if (!SupportedDates.Contains(parsed.Value))
            {
                return ChangeOutcome.Refused("EventTitle", SupportedDates.Problem);
            }
            var day = parsed.Value;
            var title = input.EventTitle?.Trim() ?? "";
            row.Events.Add(new LocalEventRow { Title = title, Kind = kind, Start = day, End = day });
            var name = free ? new LocalizedText(title, title) : KindTitle(kind);
            FollowedMunicipalities.Audit(db, row, me, clock.GetCurrentInstant(), "local-event", "", $"{day:uuuu-MM-dd} {name.In(who.Language)}{(free || title.Length == 0 ? "" : $": {title}")}");
            await db.SaveChangesAsync(cancellationToken);
            return ChangeOutcome.Done(ChangeTexts.EventAdded(name, day) + await PlanNowAsync(row, cancellationToken));
        }, cancellationToken);

    /// <summary>Publishes one of the organisation's own dates as a public fact for every organisation; only with a source anyone can check.</summary>
    public Task<ChangeOutcome> PublishAsync(Director who, string code, PublishInput input, CancellationToken cancellationToken) =>
        Change(who, code, async (row, me) =>
        {
            var own = row.Actuals.Where(a => $"{a.Kind}/{a.Cycle}" == input.PublishKind).ToArray();
            if (own.Length != 1)
            {
                return ChangeOutcome.Refused("PublishUrl", ChangeTexts.ChooseOwnDate);
            }
            if (!Uri.TryCreate(input.PublishUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp) || url.OriginalString.Length > 2000)
            {
                return ChangeOutcome.Refused("PublishUrl", ChangeTexts.GiveSource);
            }
            var actual = own[0];
            var dates = new DateInterval(actual.Start, actual.End);
            var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == row.OrganisationId).Select(o => o.Name).FirstAsync(cancellationToken);
            await Facts.PublicFactRows.SetAsync(db, row.Code, actual.Kind, actual.Cycle, dates,
                $"Gepubliceerd door / published by {organisation}", url.ToString(), null, me.Email, clock.GetCurrentInstant(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            facts.Invalidate(row.Code);
            // Every organisation following the municipality is affected, not only this one: the whole plan runs, in the background.
            trigger.PlanSoon();
            return ChangeOutcome.Done(ChangeTexts.Published(KindTitle(actual.Kind, actual.Cycle), dates, url));
        }, cancellationToken);

    /// <summary>Confirms an uncertain match: the meeting then dates its moment for everyone.</summary>
    public Task<ChangeOutcome> ConfirmAsync(Director who, string code, long meetingId, CancellationToken cancellationToken) =>
        Change(who, code, async (row, me) =>
        {
            var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.Code == row.Code && m.Kind != "", cancellationToken);
            if (meeting is null)
            {
                return ChangeOutcome.Missing;
            }
            if (meeting.ConfirmedBy.Length > 0)
            {
                return ChangeOutcome.Done(ChangeTexts.AlreadyConfirmed(meeting));
            }
            meeting.ConfirmedBy = me.Email;
            meeting.Confirmed = clock.GetCurrentInstant();
            await db.SaveChangesAsync(cancellationToken);
            await importer.DeriveFactsAsync(row.Code, "", cancellationToken);
            trigger.PlanSoon();
            return ChangeOutcome.Done(ChangeTexts.Confirmed(meeting, MeetingMoment(meeting.Kind, meeting.Date)));
        }, cancellationToken);

    /// <summary>What "gemeente", "datum" (an actual date) or "gebeurtenis" (an event) with this id is in this municipality, or null.</summary>
    public Removable? Removal(FollowedMunicipality row, string what, int? id) => what switch
    {
        "gemeente" when id is null => new(row, row, new(row.Name, row.Name)),
        "datum" when row.Actuals.FirstOrDefault(a => a.Id == id) is { } actual =>
            new(row, actual, LocalizedText.From(l => $"{KindTitle(actual.Kind, actual.Cycle).In(l)}: {DateText.Range(actual.Start, actual.End, l)}")),
        "gebeurtenis" when row.Events.FirstOrDefault(e => e.Id == id) is { } local =>
            new(row, local, LocalizedText.From(l => $"{local.Title}: {DateText.Long(local.Start, l)}")),
        _ => null,
    };

    public async Task<LocalizedText> RemoveAsync(Director who, Removable removable, CancellationToken cancellationToken)
    {
        var row = removable.Row;
        var me = await db.People.FirstAsync(p => p.Id == who.PersonId, cancellationToken);
        var now = clock.GetCurrentInstant();
        LocalizedText done;
        switch (removable.Target)
        {
            case ActualDateRow actual:
                FollowedMunicipalities.Audit(db, row, me, now, $"{actual.Kind}/{actual.Cycle}", Facts.PublicFactRows.Describe(actual.Start, actual.End), "");
                db.ActualDates.Remove(actual);
                done = ChangeTexts.ActualRemoved(removable.Thing);
                break;
            case LocalEventRow local:
                FollowedMunicipalities.Audit(db, row, me, now, "local-event", $"{local.Start:uuuu-MM-dd} {local.Title}", "");
                db.LocalEvents.Remove(local);
                done = ChangeTexts.EventRemoved(removable.Thing);
                break;
            default:
                // The municipality's own audit trail goes with it; the organisation's trail keeps that it was unfollowed.
                db.OrganisationChanges.Add(new OrganisationChange { OrganisationId = row.OrganisationId, PersonEmail = me.Email, At = now, Subject = $"unfollow/{row.Code}", OldValue = row.Name });
                await db.DateChanges.Where(c => c.FollowedMunicipalityId == row.Id).ExecuteDeleteAsync(cancellationToken);
                db.FollowedMunicipalities.Remove(row);
                done = ChangeTexts.Unfollowed(row.Name);
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        return done + await PlanNowAsync(row, cancellationToken);
    }

    /// <summary>A school holiday region by its id in the rule file ("onbekend" when none is set).</summary>
    public LocalizedText RegionName(string region) => rules.SchoolRegion(region)?.Name ?? ChangeTexts.UnknownRegion;

    /// <summary>The title of a moment kind, for confirmations and lists of entered dates.</summary>
    public LocalizedText KindTitle(string kind) => LocalizedText.From(l => rules.Moments.FirstOrDefault(d => d.Kind == kind)?.GenericName(l) ?? kind);

    /// <summary>A moment of one cycle (for yearly moments the calendar year), named by its budget year where it has one: "Kadernota 2028".</summary>
    public LocalizedText KindTitle(string kind, int cycle) => LocalizedText.From(l => rules.Find(kind)?.NameForCycle(cycle, l) ?? $"{kind} ({cycle})");

    /// <summary>The moment a council meeting dates, named for the year the meeting is held in ("Kadernota 2028" in June 2027).</summary>
    public LocalizedText MeetingMoment(string kind, LocalDate date) => LocalizedText.From(l => rules.Find(kind)?.NameIn(date.Year, l) ?? kind);

    private async Task<ChangeOutcome> Change(Director who, string code, Func<FollowedMunicipality, Person, Task<ChangeOutcome>> change, CancellationToken cancellationToken)
    {
        if (await FindAsync(who, code, cancellationToken) is not { } row)
        {
            return ChangeOutcome.Missing;
        }
        var me = await db.People.FirstAsync(p => p.Id == who.PersonId, cancellationToken);
        return (await change(row, me)) with { Code = row.Code };
    }

    /// <summary>The director waits for their own organisation's re-plan, so the confirmation can say what it changed.</summary>
    private async Task<LocalizedText> PlanNowAsync(FollowedMunicipality row, CancellationToken cancellationToken) =>
        Replan.Text(await trigger.PlanNowAsync(row.OrganisationId, cancellationToken));
}
