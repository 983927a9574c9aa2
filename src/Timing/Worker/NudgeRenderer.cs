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
using Timing.Timelines;

namespace Timing.Worker;

/// <summary>
/// The render step of dispatch: turns a claimed outbox row into its message, once. The message is stored with its
/// Message-ID, so a retry sends the same bytes and a receiving server can recognise a repeat.
/// </summary>
public sealed class NudgeRenderer(TimingDbContext db, NudgeMessages messages, Unsubscribe unsubscribe, CyclePlanner planner,
    IClock clock, IOptions<FeedOptions> feeds, DailyBundles bundles, TimelineLoader timelines, NudgeOutbox outbox)
{
    /// <summary>
    /// Loads the claimed rows in send order and renders those without a stored message; rows whose moment or person
    /// is gone are retracted, and a row that would pass the recipient's daily limit goes back to wait for the next morning.
    /// </summary>
    public async Task<List<Nudge>> PrepareAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Nudges.Where(n => ids.Contains(n.Id)).OrderBy(n => n.Due).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var ready = new List<Nudge>();
        var batch = new Batch();
        var addresses = new Dictionary<string, int>(StringComparer.Ordinal);
        var daily = new HashSet<int>();
        foreach (var row in rows)
        {
            var email = (await PersonAsync(row.PersonId, batch, cancellationToken)).Person?.Email;
            var secondToday = row.Kind == NudgeKinds.Daily && (daily.Contains(row.PersonId) || await bundles.HadDailyTodayAsync(row.PersonId, cancellationToken));
            if (secondToday || (email is not null && await bundles.OverLimitAsync(email, addresses.GetValueOrDefault(email), cancellationToken)))
            {
                row.State = NudgeStates.Pending;
                row.ClaimedBy = null;
                row.NextAttempt = bundles.NextMorning();
                row.LastError = secondToday
                    ? "held back: this person had a reminder mail today already; it goes the next morning"
                    : "held back: this address had its most mails for today (Mail:DailyLimitPerRecipient); it goes the next morning";
                continue;
            }
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
            if (email is not null)
            {
                addresses[email] = addresses.GetValueOrDefault(email) + 1;
            }
            if (row.Kind == NudgeKinds.Daily)
            {
                daily.Add(row.PersonId);
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

        public Dictionary<int, OrganisationTimelines> Organisations { get; } = [];

        public Dictionary<(int Organisation, LocalDate Day), List<CommitteeMeeting>> Meetings { get; } = [];
    }

    /// <summary>The message for one row, or null when its person or moment no longer exists.</summary>
    public Task<MimeMessage?> RenderAsync(Nudge row, CancellationToken cancellationToken) => RenderAsync(row, new Batch(), cancellationToken);

    private async Task<(Person? Person, string Token)> PersonAsync(int personId, Batch batch, CancellationToken cancellationToken)
    {
        if (!batch.People.TryGetValue(personId, out var known))
        {
            var found = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
            batch.People[personId] = known = (found, found is null ? "" : await unsubscribe.TokenAsync(found.Id, cancellationToken));
        }
        return known;
    }

    private async Task<OrganisationTimelines> OrganisationAsync(int organisationId, Batch batch, CancellationToken cancellationToken)
    {
        if (!batch.Organisations.TryGetValue(organisationId, out var organisation))
        {
            batch.Organisations[organisationId] = organisation = await timelines.ForOrganisationAsync(organisationId, cancellationToken);
        }
        return organisation;
    }

    /// <summary>
    /// What a person's mail of <paramref name="day"/> would be if it went now, without sending or storing anything:
    /// the preview a director sees, from the same code that renders the mail at dispatch. Null when nothing is due that day.
    /// </summary>
    public async Task<MimeMessage?> PreviewAsync(int personId, LocalDate day, CancellationToken cancellationToken)
    {
        // Today's mail also carries what waits from days whose mail never went.
        var items = await (day <= timelines.Today ? DailyBundles.Carried(db, personId, day) : DailyBundles.Reminders(db, personId, day)).AsNoTracking().OrderBy(n => n.Due).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var batch = new Batch();
        var (person, token) = await PersonAsync(personId, batch, cancellationToken);
        if (person is not null && day > outbox.LastOutboxDay(timelines.Today))
        {
            // Not in the outbox yet: the reminders the plan has for that day, as the outbox will hold them.
            items = (await outbox.BeyondOutboxAsync(person.OrganisationId, personId, cancellationToken)).Where(n => n.Day == day).ToList();
        }
        return person is null ? null : await DailyAsync(items, person, token, day, $"preview.{personId}.{day:yyyyMMdd}@{feeds.Value.UidHost}", batch, cancellationToken);
    }

    /// <summary>
    /// The weekly digest a person would get on <paramref name="day"/>, rendered as dispatch renders it, without storing
    /// or sending anything; null unless the day is the digest's Monday and the person chose a digest and agreed to mail.
    /// </summary>
    public async Task<MimeMessage?> PreviewDigestAsync(int personId, LocalDate day, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null || day.DayOfWeek != NudgePlanner.DigestDay || person.Accepted is null
            || person.NudgeMode is not (NudgeMode.Digest or NudgeMode.Both))
        {
            return null;
        }
        var row = new Nudge { PersonId = personId, Kind = NudgeKinds.Digest, Subject = "preview", Day = day, Due = clock.GetCurrentInstant() };
        return await RenderAsync(row, new Batch(), cancellationToken);
    }

    private async Task<MimeMessage?> RenderAsync(Nudge row, Batch batch, CancellationToken cancellationToken)
    {
        var (person, token) = await PersonAsync(row.PersonId, batch, cancellationToken);
        if (person is null)
        {
            return null;
        }
        var language = person.Language;
        var messageId = $"{row.Kind}.{row.Id}@{feeds.Value.UidHost}";
        var now = clock.GetCurrentInstant();
        var day = row.Day;
        if (row.Kind == NudgeKinds.Daily)
        {
            var items = await DailyBundles.Carried(db, row.PersonId, row.Day).OrderBy(n => n.Due).ThenBy(n => n.Id).ToListAsync(cancellationToken);
            return await DailyAsync(items, person, token, day, messageId, batch, cancellationToken);
        }
        var organisation = await OrganisationAsync(person.OrganisationId, batch, cancellationToken);
        var followed = organisation.Rows;
        if (row.Kind == NudgeKinds.Digest)
        {
            var recipient = NudgeOutbox.Recipient(person, organisation.Codes);
            // The same list as the home page's "Deze week": open or due within four weeks, most urgent first. The
            // window reaches a year ahead, for the moments that committee meetings of the coming weeks discuss.
            var window = new DateInterval(day.PlusYears(-1), day.PlusYears(1));
            var timelines = followed.Where(m => recipient.Municipalities.Contains(MunicipalityCode.Parse(m.Code)))
                .Select(m => organisation.Plan(m, window));
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
            return Speaking(row, await MeetingOfAsync(row, cancellationToken), followed) is { } speaking
                ? await messages.SpeakingAsync(person.Email, person.Name, language, speaking, day, messageId, token, now)
                : null;
        }
        return Reminder(row, organisation) is { } reminder
            ? await messages.NudgeAsync(person.Email, person.Name, language, reminder.Municipality, reminder.Moment, reminder.Lead, day, messageId, token, now)
            : null;
    }

    /// <summary>
    /// A person's mail of one day: one reminder is its own message, as ever; several are one message grouped by
    /// moment. Reminders whose moment, meeting or municipality is gone are retracted (when tracked) and left out.
    /// </summary>
    private async Task<MimeMessage?> DailyAsync(List<Nudge> items, Person person, string token, LocalDate day, string messageId, Batch batch, CancellationToken cancellationToken)
    {
        var organisation = await OrganisationAsync(person.OrganisationId, batch, cancellationToken);
        var followed = organisation.Rows;
        var moments = new List<(Municipality Municipality, Moment Moment, NudgeLead Lead)>();
        var meetings = new List<SpeakingMeeting>();
        foreach (var item in items)
        {
            if (item.Kind == NudgeKinds.Speaking && Speaking(item, await MeetingOfAsync(item, cancellationToken), followed) is { } speaking)
            {
                meetings.Add(speaking);
            }
            else if (item.Kind == NudgeKinds.Nudge && Reminder(item, organisation) is { } reminder)
            {
                moments.Add(reminder);
            }
            else
            {
                item.State = NudgeStates.Retracted;
                item.LastError = "the moment or the person no longer exists";
            }
        }
        var now = clock.GetCurrentInstant();
        return (moments.Count, meetings.Count) switch
        {
            (0, 0) => null,
            (1, 0) => await messages.NudgeAsync(person.Email, person.Name, person.Language, moments[0].Municipality, moments[0].Moment, moments[0].Lead, day, messageId, token, now),
            (0, 1) => await messages.SpeakingAsync(person.Email, person.Name, person.Language, meetings[0], day, messageId, token, now),
            _ => await messages.DailyAsync(person.Email, person.Name, person.Language, moments, meetings, day, messageId, token, now),
        };
    }

    /// <summary>The moment and lead of a reminder row, or null when its moment or municipality is gone.</summary>
    private static (Municipality Municipality, Moment Moment, NudgeLead Lead)? Reminder(Nudge row, OrganisationTimelines organisation)
    {
        if (!MomentKey.TryParse(row.Subject, out var key))
        {
            return null;
        }
        var municipality = organisation.Find(key.Municipality.Value);
        var moment = municipality is null ? null : organisation.Find(municipality, key);
        var lead = moment?.Definition.Nudges.FirstOrDefault(l => l.Id == row.LeadId);
        return moment is null || lead is null ? null : (new Municipality(key.Municipality, municipality!.Name), moment, lead);
    }

    private async Task<Meeting?> MeetingOfAsync(Nudge row, CancellationToken cancellationToken)
    {
        var id = SpeakingOutbox.MeetingId(row.Subject);
        return id is null ? null : await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    /// <summary>A speaking-rights reminder, or null when its meeting is gone, no longer a committee on a moment, or not followed.</summary>
    private SpeakingMeeting? Speaking(Nudge row, Meeting? meeting, IReadOnlyList<FollowedMunicipality> followed)
    {
        var lead = Core.Meetings.SpeakingRights.ParseLead(row.LeadId);
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
        return new SpeakingMeeting(lead.Value, municipality.Name, meeting.Title, meeting.Committee, meeting.Url, date, start, new MomentKey(code, meeting.Kind, cycle), new LocalizedText(definition.NameIn(cycle, Language.Nl), definition.NameIn(cycle, Language.En)));
    }
}
