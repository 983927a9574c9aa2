using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Meetings;

/// <summary>
/// Finds a followed municipality's meeting calendar without an operator. OpenBesluitvorming's <c>/api/status</c> names the
/// supplier and source key for the CBS code; when the supplier is Notubiz (or OpenBesluitvorming does not know the
/// municipality), Notubiz's own organisation list gives the council's organisation id, so Timing reads the council's
/// calendar directly, months ahead, instead of OpenBesluitvorming's week. What was found, or why nothing was, is kept
/// for the pages; when nothing answered or matched, the search is repeated after <see cref="SourceDiscoveryOptions.RetryHours"/>.
/// </summary>
public sealed class SourceDiscovery(
    TimingDbContext db,
    OpenBesluitvormingReader openBesluitvorming,
    NotubizOrganisations notubiz,
    MunicipalityCatalog catalog,
    IClock clock,
    IOptions<SourceDiscoveryOptions> options,
    ILogger<SourceDiscovery> log)
{
    /// <summary>Looks for every followed municipality without a source whose search is due; returns how many got one.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var followed = await db.FollowedMunicipalities.AsNoTracking().Select(m => m.Code).Distinct().ToListAsync(cancellationToken);
        var connected = await db.MeetingSources.AsNoTracking().Select(s => s.Code).ToListAsync(cancellationToken);
        var waiting = await db.MeetingSourceDiscoveries.AsNoTracking()
            .Where(d => d.State == MeetingSourceDiscovery.Off || d.NextTry > now).Select(d => d.Code).ToListAsync(cancellationToken);
        var found = 0;
        foreach (var code in followed.Except(connected).Except(waiting).Order(StringComparer.Ordinal))
        {
            if (await DiscoverAsync(code, cancellationToken) is { State: MeetingSourceDiscovery.Found })
            {
                found++;
            }
        }
        return found;
    }

    /// <summary>
    /// Looks for one municipality's source now and connects what it finds. Null when there is nothing to do: a source is
    /// connected already, or an operator turned the search off for this municipality.
    /// </summary>
    public async Task<MeetingSourceDiscovery?> DiscoverAsync(string code, CancellationToken cancellationToken)
    {
        if (await db.MeetingSources.AnyAsync(s => s.Code == code, cancellationToken))
        {
            return null;
        }
        var row = await db.MeetingSourceDiscoveries.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (row?.State == MeetingSourceDiscovery.Off)
        {
            return null;
        }
        var name = await NameAsync(code, cancellationToken);
        var (kind, address, note) = await SearchAsync(code, name, cancellationToken);
        var now = clock.GetCurrentInstant();
        if (row is null)
        {
            row = new MeetingSourceDiscovery { Code = code };
            db.MeetingSourceDiscoveries.Add(row);
        }
        row.Tried = now;
        row.Note = new(Cut(note.Nl), Cut(note.En));
        if (kind is null)
        {
            row.State = MeetingSourceDiscovery.None;
            row.NextTry = now + Duration.FromHours(options.Value.RetryHours);
            await db.SaveChangesAsync(cancellationToken);
            log.LogInformation("No meeting source found for {Code}: {Note}", code, note.En);
            return row;
        }
        // An operator may have connected one while the two APIs were asked: theirs stands.
        if (await db.MeetingSources.AnyAsync(s => s.Code == code, cancellationToken))
        {
            return null;
        }
        row.State = MeetingSourceDiscovery.Found;
        row.NextTry = now;
        await MeetingSourceConnections.ConnectAsync(db, code, kind, address!, MeetingSourceConnections.Automatic, now, cancellationToken);
        log.LogInformation("Meeting source of {Code} found: {Kind} {Address}", code, kind, address);
        return row;
    }

    /// <summary>The source to connect (kind and address) with what was found; or no kind, with why nothing was.</summary>
    private async Task<(string? Kind, string? Address, LocalizedText Note)> SearchAsync(string code, string name, CancellationToken cancellationToken)
    {
        var (entries, statusError, _) = await openBesluitvorming.StatusAsync(cancellationToken);
        var entry = entries is null ? null : OpenBesluitvormingReader.Find(entries, code, "");
        var why = new List<LocalizedText>();
        if (statusError is not null)
        {
            why.Add(new($"de status van OpenBesluitvorming antwoordde niet ({statusError.Nl})", $"OpenBesluitvorming's status did not answer ({statusError.En})"));
        }
        else if (entry is null)
        {
            why.Add(new($"OpenBesluitvorming kent geen gemeente met CBS-code {code}", $"OpenBesluitvorming lists no municipality with CBS code {code}"));
        }

        // Notubiz's own calendar sees months ahead; OpenBesluitvorming's copy about a week.
        if (entry is null || string.Equals(entry.Supplier, "notubiz", StringComparison.OrdinalIgnoreCase))
        {
            var (list, listError) = await notubiz.ListAsync(cancellationToken);
            var organisation = list is null ? null : NotubizOrganisations.Find(list, name) ?? (entry is null ? null : NotubizOrganisations.Find(list, entry.Label));
            if (organisation is not null)
            {
                var via = entry is null ? new LocalizedText("", "") : new LocalizedText($"; OpenBesluitvorming noemt Notubiz als leverancier van {entry.Label}", $"; OpenBesluitvorming names Notubiz as the supplier of {entry.Label}");
                return (MeetingSourceKinds.Notubiz, organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new(
                    $"Notubiz-organisatie {organisation.Id} ({organisation.Name}) gevonden in de organisatielijst van Notubiz{via.Nl}.",
                    $"Notubiz organisation {organisation.Id} ({organisation.Name}) found in Notubiz's list of organisations{via.En}."));
            }
            why.Add(listError is not null
                ? new($"de organisatielijst van Notubiz antwoordde niet ({listError.Nl})", $"Notubiz's list of organisations did not answer ({listError.En})")
                : new($"de organisatielijst van Notubiz noemt geen eenduidige organisatie \"Gemeente {name}\"", $"Notubiz's list of organisations names no single organisation \"Gemeente {name}\""));
        }

        if (entry is not null)
        {
            if (OpenBesluitvormingReader.Blind(entry) is { } blind)
            {
                why.Add(blind);
            }
            else
            {
                var earlier = why.Count == 0 ? new LocalizedText("", "") : Joined(why, " (", ")");
                return (MeetingSourceKinds.OpenBesluitvorming, entry.Key, new(
                    $"Bron '{entry.Key}' ({entry.Label}, {entry.Supplier}) gevonden in de status van OpenBesluitvorming{earlier.Nl}; die ziet ongeveer een week vooruit.",
                    $"Source '{entry.Key}' ({entry.Label}, {entry.Supplier}) found in OpenBesluitvorming's status{earlier.En}; it sees about a week ahead."));
            }
        }
        return (null, null, Joined(why, "", "."));
    }

    private static LocalizedText Joined(List<LocalizedText> parts, string before, string after) =>
        new(before + string.Join("; ", parts.Select(p => p.Nl)) + after, before + string.Join("; ", parts.Select(p => p.En)) + after);

    /// <summary>The municipality's name as the list of municipalities has it, else as a follower typed it.</summary>
    private async Task<string> NameAsync(string code, CancellationToken cancellationToken)
    {
        var directory = await catalog.GetAsync(cancellationToken);
        if (MunicipalityCode.TryParse(code, out var parsed) && directory.Contains(parsed.Value))
        {
            return directory.Describe(parsed.Value).Name;
        }
        return await db.FollowedMunicipalities.AsNoTracking().Where(m => m.Code == code).OrderBy(m => m.Id).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken) ?? code;
    }

    private static string Cut(string text) => text.Length <= 1000 ? text : text[..1000];
}
