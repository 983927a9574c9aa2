using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Core.Nudges;
using Timing.Feeds;
using Timing.Mail;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>
/// The render step of dispatch: turns a claimed outbox row into its message, once. The message is stored with its
/// Message-ID, so a retry sends the same bytes and a receiving server can recognise a repeat.
/// </summary>
public sealed class NudgeRenderer(TimingDbContext db, NudgeMessages messages, Unsubscribe unsubscribe, CyclePlanner planner,
    IClock clock, IOptions<FeedOptions> feeds)
{
    /// <summary>Loads the claimed rows in send order and renders those without a stored message; rows whose moment or person is gone are retracted.</summary>
    public async Task<List<Nudge>> PrepareAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Nudges.Where(n => ids.Contains(n.Id)).OrderBy(n => n.Due).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var ready = new List<Nudge>();
        var batch = new Batch();
        foreach (var row in rows)
        {
            if (row.Message is null)
            {
                var message = await RenderAsync(row, batch, cancellationToken);
                if (message is null)
                {
                    row.State = NudgeStates.Retracted;
                    row.LastError = "the moment or the person no longer exists";
                    continue;
                }
                using var buffer = new MemoryStream();
                await message.WriteToAsync(buffer, cancellationToken);
                row.MessageId = message.MessageId;
                row.Message = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
            ready.Add(row);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ready;
    }

    /// <summary>
    /// What the rows of one batch share, read once per batch rather than once per message: each person with their
    /// unsubscribe token, each organisation's municipalities with their public facts, and for digests the committee
    /// meetings of an organisation's municipalities in the four weeks from a day.
    /// </summary>
    private sealed class Batch
    {
        public Dictionary<int, (Person? Person, string Token)> People { get; } = [];

        public Dictionary<int, (List<FollowedMunicipality> Followed, IReadOnlyDictionary<string, ActualDate[]> Shared)> Organisations { get; } = [];

        public Dictionary<(int Organisation, LocalDate Day), List<CommitteeMeeting>> Meetings { get; } = [];
    }

    /// <summary>The message for one row, or null when its person or moment no longer exists.</summary>
    public Task<MimeMessage?> RenderAsync(Nudge row, CancellationToken cancellationToken) => RenderAsync(row, new Batch(), cancellationToken);

    private async Task<MimeMessage?> RenderAsync(Nudge row, Batch batch, CancellationToken cancellationToken)
    {
        if (!batch.People.TryGetValue(row.PersonId, out var known))
        {
            var found = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == row.PersonId, cancellationToken);
            batch.People[row.PersonId] = known = (found, found is null ? "" : await unsubscribe.TokenAsync(found.Id, cancellationToken));
        }
        var (person, token) = known;
        if (person is null)
        {
            return null;
        }
        var language = person.Language;
        var messageId = $"{row.Kind}.{row.Id}@{feeds.Value.UidHost}";
        var now = clock.GetCurrentInstant();
        var day = row.Day;
        if (!batch.Organisations.TryGetValue(person.OrganisationId, out var organisation))
        {
            var rows = await db.FollowedMunicipalities.AsNoTracking().Include(m => m.Actuals).Include(m => m.Events)
                .Where(m => m.OrganisationId == person.OrganisationId).ToListAsync(cancellationToken);
            batch.Organisations[person.OrganisationId] = organisation = (rows, await Facts.PublicFactRows.ActualsAsync(db, rows.Select(m => m.Code).ToArray(), cancellationToken));
        }
        var (followed, shared) = organisation;
        if (row.Kind == NudgeKinds.Digest)
        {
            var all = followed.Select(m => MunicipalityCode.Parse(m.Code)).ToHashSet();
            var recipient = NudgeOutbox.Recipient(person, all);
            // The same list as the home page's "Deze week": open or due within four weeks, most urgent first. The
            // window reaches a year ahead, for the moments that committee meetings of the coming weeks discuss.
            var window = new DateInterval(day.PlusYears(-1), day.PlusYears(1));
            var timelines = followed.Where(m => recipient.Municipalities.Contains(MunicipalityCode.Parse(m.Code)))
                .Select(m => planner.Plan(m.ToProfile().WithPublicFacts(shared[m.Code]) with { Municipality = new Municipality(MunicipalityCode.Parse(m.Code), m.Name) }, window));
            if (!batch.Meetings.TryGetValue((person.OrganisationId, day), out var meetings))
            {
                batch.Meetings[(person.OrganisationId, day)] = meetings =
                    await SpeakingOutbox.CommitteeMeetingsAsync(db, followed.Select(m => m.Code).ToArray(), day, cancellationToken, day.PlusDays(ThisWeek.Days));
            }
            var coming = ThisWeek.For(timelines, recipient, day, meetings);
            return await messages.DigestAsync(person.Email, person.Name, language, coming, day, messageId, token, now);
        }
        if (row.Kind == NudgeKinds.Speaking)
        {
            return await SpeakingAsync(row, person, language, followed, day, messageId, token, now, cancellationToken);
        }
        if (!MomentKey.TryParse(row.Subject, out var key))
        {
            return null;
        }
        var municipality = followed.FirstOrDefault(m => m.Code == key.Municipality.Value);
        var moment = municipality is null ? null : planner.Find(municipality.ToProfile().WithPublicFacts(shared[municipality.Code]), key);
        var lead = moment?.Definition.Nudges.FirstOrDefault(l => l.Id == row.LeadId);
        return moment is null || lead is null
            ? null
            : await messages.NudgeAsync(person.Email, person.Name, language, new Municipality(key.Municipality, municipality!.Name), moment, lead, day, messageId, token, now);
    }

    /// <summary>A speaking-rights nudge, or null when its meeting is gone, no longer a committee on a moment, or not followed.</summary>
    private async Task<MimeMessage?> SpeakingAsync(Nudge row, Person person, Language language, List<FollowedMunicipality> followed, LocalDate day,
        string messageId, string token, Instant now, CancellationToken cancellationToken)
    {
        var lead = Core.Meetings.SpeakingRights.ParseLead(row.LeadId);
        var id = SpeakingOutbox.MeetingId(row.Subject);
        var meeting = id is null ? null : await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var municipality = meeting is null ? null : followed.FirstOrDefault(m => m.Code == meeting.Code);
        var definition = meeting is null ? null : planner.Rules.Find(meeting.Kind);
        if (lead is null || meeting is null || municipality is null || definition is null || meeting.Category != "committee")
        {
            return null;
        }
        var date = meeting.Date;
        var code = MunicipalityCode.Parse(meeting.Code);
        var cycle = planner.CycleOf(new MunicipalityProfile(new Municipality(code, municipality.Name)), meeting.Kind, date);
        LocalTime? start = meeting.Start?.InZone(Core.ProductTime.Zone).TimeOfDay;
        return await messages.SpeakingAsync(person.Email, person.Name, language, lead.Value, municipality.Name, meeting.Title, meeting.Committee, meeting.Url,
            date, start, new MomentKey(code, meeting.Kind, cycle), definition.NameIn(cycle, language), day, messageId, token, now);
    }
}
