using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Mail;
using Timing.Storage;
using Timing.Worker;

namespace Timing.Meetings;

/// <summary>
/// Reads every configured meeting source that is due, stores what it shows, and keeps the plan and the
/// outbox in line. A failing source is retried later (after its Retry-After, if it gave one); after
/// <see cref="MeetingsOptions.FailureDaysBeforeMail"/> days of failures the directors following the
/// municipality get one mail.
/// </summary>
public sealed class MeetingSync(
    TimingDbContext db,
    MeetingFetcher fetcher,
    MeetingImporter importer,
    IEnumerable<IMeetingSourceReader> readers,
    NudgeOutbox outbox,
    IMailSender mail,
    IClock clock,
    Microsoft.Extensions.Options.IOptions<MailOptions> mailOptions,
    ILogger<MeetingSync> log)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var due = await db.MeetingSources.Where(s => s.NextFetch <= now).OrderBy(s => s.Code).Select(s => s.Code).ToListAsync(cancellationToken);
        var factsChanged = 0;
        foreach (var code in due)
        {
            // One source failing in a way no reader foresaw never stops the others; its failure is recorded like any other.
            try
            {
                if (await db.MeetingSources.FirstOrDefaultAsync(s => s.Code == code, cancellationToken) is { } source)
                {
                    factsChanged += await ReadAsync(source, cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                log.LogError(e, "Reading the meeting source of {Code} threw", code);
                await RecordCrashAsync(code, e, cancellationToken);
            }
        }
        // Facts move moment nudges; the meetings themselves move speaking-rights nudges.
        if (factsChanged > 0 || _meetingsRead > 0)
        {
            await outbox.PlanAsync(cancellationToken);
        }
        return factsChanged;
    }

    /// <summary>How many reads in this run brought meetings (not a 304, not a failure).</summary>
    private int _meetingsRead;

    /// <summary>Records a read that threw as a failure, on a clean slate: whatever the read had half changed is dropped.</summary>
    private async Task RecordCrashAsync(string code, Exception e, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            var source = await db.MeetingSources.FirstAsync(s => s.Code == code, cancellationToken);
            var now = clock.GetCurrentInstant();
            source.LastAttempt = now;
            source.FailingSince ??= now;
            source.LastError = new LocalizedText($"het lezen van de bron liep vast ({e.GetType().Name})", $"reading the source failed unexpectedly ({e.GetType().Name})");
            source.NextFetch = now + Duration.FromHours(1);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception again) when (!cancellationToken.IsCancellationRequested && again is not OutOfMemoryException)
        {
            log.LogError(again, "Recording the failure of the meeting source of {Code} failed too", code);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Reads one source now and records the outcome; returns how many facts changed.</summary>
    public async Task<int> ReadAsync(MeetingSource source, CancellationToken cancellationToken)
    {
        var options = fetcher.Options;
        // The last reader registered for a kind wins, as with any service registered twice.
        var reader = readers.LastOrDefault(r => r.Kind == source.Kind);
        var result = reader is null
            ? FetchResult.Failed($"onbekende soort bron '{SourceText.Clean(source.Kind)}'", $"unknown source kind '{SourceText.Clean(source.Kind)}'")
            : Capped(await reader.FetchAsync(new MeetingSourceRead(source.Code, source.Address, source.ETag, source.LastModified, clock.GetCurrentInstant()), cancellationToken), options);
        Metrics.TimingMetrics.SourceRead(source.Kind, result.Status);
        var now = clock.GetCurrentInstant();
        // Meetings the import will refuse count as none: a calendar of only those is blind too.
        if (result.Status == FetchStatus.Fetched && !result.Meetings.Any(MeetingImporter.Accepts)
            && await BlindAsync(source, now, cancellationToken) is { } blind)
        {
            result = FetchResult.Failed(blind) with { Upstream = result.Upstream };
        }
        source.LastAttempt = now;
        if (result.Upstream is { } upstream)
        {
            await RememberUpstreamAsync(source.Code, upstream, now, cancellationToken);
        }
        var changed = 0;
        if (result.Status == FetchStatus.Failed)
        {
            source.LastError = Cut(result.Error!);
            source.FailingSince ??= now;
            var wait = result.RetryAfter is { } retry && retry > Duration.FromHours(1) ? retry : Duration.FromHours(1);
            source.NextFetch = now + wait;
            log.LogWarning("Meeting source of {Code} failed: {Error}", source.Code, source.LastError.En);
            await db.SaveChangesAsync(cancellationToken);
            await MailIfFailingLongAsync(source, options, now, cancellationToken);
            return 0;
        }
        if (result.Status == FetchStatus.Fetched)
        {
            var report = await importer.StoreAsync(source.Code, source.Kind, source.Address, result.Meetings, result.Skipped, cancellationToken, result.Unread);
            changed = report.FactsSet.Count;
            _meetingsRead++;
            source.MeetingsSeen = report.Lines.Count;
            source.SeesUntil = report.Lines.Count == 0 ? null : report.Lines.Max(l => l.Meeting.Date);
            var warnings = report.Warnings.Concat(MeetingImporter.Counted(result.Warnings)).ToList();
            source.LastWarnings = Cut(new LocalizedText(string.Join("; ", warnings.Select(w => w.Nl)), string.Join("; ", warnings.Select(w => w.En))));
        }
        source.ETag = result.ETag;
        source.LastModified = result.LastModified;
        source.LastSuccess = now;
        source.FailingSince = null;
        source.FailureMailSent = null;
        source.LastError = MeetingSource.NoError;
        source.NextFetch = now + Duration.FromHours(options.IntervalHours);
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>
    /// Why an answer without any meeting is not believed: an earlier read of the same source showed meetings that still
    /// lie ahead. A calendar does not lose every coming meeting at once; its export broke. Null when empty is plausible.
    /// </summary>
    private async Task<LocalizedText?> BlindAsync(MeetingSource source, Instant now, CancellationToken cancellationToken)
    {
        var from = now.InZone(Core.ProductTime.Zone).Date;
        var ahead = await db.Meetings.CountAsync(m => m.Code == source.Code && m.SourceKind == source.Kind && m.Date >= from, cancellationToken);
        return ahead == 0
            ? null
            : new LocalizedText(
                $"{SourceText.Host(source.Address)}: de bron toont helemaal geen vergaderingen, terwijl een eerdere lezing nog {ahead} komende vergadering(en) toonde; dat geldt niet als \"geen vergaderingen\".",
                $"{SourceText.Host(source.Address)}: the source shows no meetings at all, while an earlier read showed {ahead} meeting(s) still ahead; not taken as \"no meetings\".");
    }

    /// <summary>
    /// At most <see cref="MeetingsOptions.MaxMeetingsPerRead"/> meetings, the coming ones first (nearest first), then the
    /// past ones (latest first), each with at most <see cref="MeetingsOptions.MaxAgendaItemsPerMeeting"/> agenda items;
    /// what is left out is counted in the read's warnings.
    /// </summary>
    private FetchResult Capped(FetchResult result, MeetingsOptions options)
    {
        if (result.Status != FetchStatus.Fetched)
        {
            return result;
        }
        var warnings = result.Warnings.ToList();
        var meetings = result.Meetings;
        if (meetings.Count > options.MaxMeetingsPerRead)
        {
            var today = clock.GetCurrentInstant().InZone(Core.ProductTime.Zone).Date;
            meetings = meetings.Where(m => m.Date >= today).OrderBy(m => m.Date)
                .Concat(meetings.Where(m => m.Date < today).OrderByDescending(m => m.Date))
                .Take(options.MaxMeetingsPerRead).ToList();
            warnings.Add(IcsMeetingReader.Beyond(result.Meetings.Count - meetings.Count, options.MaxMeetingsPerRead));
        }
        if (meetings.Any(m => m.AgendaItems.Count > options.MaxAgendaItemsPerMeeting))
        {
            meetings = meetings.Select(m => m.AgendaItems.Count > options.MaxAgendaItemsPerMeeting ? m with { AgendaItems = m.AgendaItems.Take(options.MaxAgendaItemsPerMeeting).ToArray() } : m).ToList();
            warnings.Add(new("agendapunten boven het maximum per vergadering weggelaten (Meetings:MaxAgendaItemsPerMeeting)",
                "agenda items beyond the cap per meeting left out (Meetings:MaxAgendaItemsPerMeeting)"));
        }
        return result with { Meetings = meetings, Warnings = warnings };
    }

    /// <summary>Keeps what a gathering source said about its own freshness, for the public page.</summary>
    private async Task RememberUpstreamAsync(string code, UpstreamFreshness upstream, Instant now, CancellationToken cancellationToken)
    {
        var row = await db.MeetingSourceUpstreams.FirstOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (row is null)
        {
            row = new MeetingSourceUpstream { Code = code };
            db.MeetingSourceUpstreams.Add(row);
        }
        row.SourceKey = Cut(upstream.SourceKey, 100);
        row.Label = Cut(upstream.Label, 200);
        row.Supplier = Cut(upstream.Supplier, 50);
        row.State = Cut(upstream.State, 30);
        row.LastImport = upstream.LastImport;
        row.LatestContent = upstream.LatestContent;
        row.Message = Cut(upstream.Message, 1000);
        row.Checked = now;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>A problem as long as its columns hold.</summary>
    private static LocalizedText Cut(LocalizedText text) => new(Cut(text.Nl, 1000), Cut(text.En, 1000));

    private async Task MailIfFailingLongAsync(MeetingSource source, MeetingsOptions options, Instant now, CancellationToken cancellationToken)
    {
        if (source.FailureMailSent is not null || source.FailingSince is not { } since
            || now - since < Duration.FromDays(options.FailureDaysBeforeMail))
        {
            return;
        }
        var organisations = await db.FollowedMunicipalities.AsNoTracking().Where(m => m.Code == source.Code).Select(m => m.OrganisationId).ToListAsync(cancellationToken);
        // One mail per address, also for someone who directs several of these organisations.
        var directors = (await db.People.AsNoTracking()
            .Where(p => organisations.Contains(p.OrganisationId) && p.Role == Roles.Director).OrderBy(p => p.Id).ToListAsync(cancellationToken))
            .DistinctBy(p => p.Email).ToList();
        // Marked before sending: one mail per outage, also when a second node runs the job.
        source.FailureMailSent = now;
        await db.SaveChangesAsync(cancellationToken);
        var name = await db.MunicipalityNames.AsNoTracking().Where(n => n.Code == source.Code).Select(n => n.Name).FirstOrDefaultAsync(cancellationToken) ?? source.Code;
        var failingDays = (int)(now - since).TotalDays;
        var messages = directors.Select(d => SourceFailureMessage(d, name, source, failingDays)).ToArray();
        if (messages.Length > 0)
        {
            await mail.SendAsync(messages, cancellationToken);
        }
    }

    private MimeMessage SourceFailureMessage(Person director, string municipality, MeetingSource source, int days)
    {
        var en = director.Language == Language.En;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(mailOptions.Value.From));
        message.To.Add(new MailboxAddress(director.Name, director.Email));
        message.Subject = en
            ? $"{municipality}: the council's meeting calendar cannot be read for {days} days"
            : $"{municipality}: de vergaderkalender van de raad is al {days} dagen niet te lezen";
        message.Body = new TextPart("plain")
        {
            Text = en
                ? $"Timing reads the meetings of {municipality} from {SourceText.Host(source.Address)}. Since {days} days that fails ({source.LastError.En}).\n\nUntil it works again, the dates of {municipality} come from earlier reads, public facts and the rules; new or moved meetings are not seen. Timing keeps trying and does not mail about this outage again.\n"
                : $"Timing leest de vergaderingen van {municipality} uit {SourceText.Host(source.Address)}. Dat lukt al {days} dagen niet ({source.LastError.Nl}).\n\nTot het weer werkt, komen de data van {municipality} uit eerdere lezingen, openbare feiten en de regels; nieuwe of verschoven vergaderingen ziet Timing niet. Timing blijft het proberen en mailt niet opnieuw over deze storing.\n",
        };
        message.MessageId = $"source-failure.{source.Code}.{source.FailingSince?.ToString("uuuuMMddTHHmmssfff", CultureInfo.InvariantCulture)}.{director.Id}@timing";
        return message;
    }
}
