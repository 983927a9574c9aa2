using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Core.Cycle;
using Timing.Meetings;
using Timing.Storage;

namespace Timing.Web;

/// <summary>What the pages say about Timing's own search for a municipality's meeting calendar.</summary>
public static class DiscoveryText
{
    /// <summary>The sentence for a municipality's page (see <see cref="Line"/>), in the reader's language.</summary>
    public static async Task<string?> ForPageAsync(HttpContext http, TimingDbContext db, string code, MeetingSource? source, CancellationToken cancellationToken)
    {
        var discovery = await db.MeetingSourceDiscoveries.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        // Only followed municipalities are searched for; a public page of another one promises nothing.
        var searching = http.RequestServices.GetRequiredService<IOptions<SourceDiscoveryOptions>>().Value.Enabled
            && await db.FollowedMunicipalities.AnyAsync(m => m.Code == code, cancellationToken);
        return Line(discovery, source, searching, Ui.Language(http));
    }

    /// <summary>
    /// One sentence: how a source was found, or that the search runs, found nothing (and when it looks again) or was
    /// turned off by an operator. Null when an operator connected the source.
    /// </summary>
    public static string? Line(MeetingSourceDiscovery? discovery, MeetingSource? source, bool searching, Language language)
    {
        if (source is not null)
        {
            return source.ConfiguredBy == MeetingSourceConnections.Automatic && discovery?.State == MeetingSourceDiscovery.Found
                ? new LocalizedText($"Door Timing zelf gevonden op {When(discovery.Tried, Language.Nl)}: {discovery.Note.Nl}",
                    $"Found by Timing itself on {When(discovery.Tried, Language.En)}: {discovery.Note.En}").In(language)
                : null;
        }
        return (discovery?.State switch
        {
            null when searching => Searching,
            MeetingSourceDiscovery.None => new LocalizedText(
                $"Timing zocht op {When(discovery.Tried, Language.Nl)} naar de vergaderkalender van de raad en vond er geen: {discovery.Note.Nl} Het zoekt opnieuw na {When(discovery.NextTry, Language.Nl)}.",
                $"Timing looked for the council's meeting calendar on {When(discovery.Tried, Language.En)} and found none: {discovery.Note.En} It looks again after {When(discovery.NextTry, Language.En)}."),
            MeetingSourceDiscovery.Off => Disconnected,
            _ => null,
        })?.In(language);
    }

    private static readonly LocalizedText Searching = new("Timing zoekt zelf naar de vergaderkalender van de raad, op de achtergrond; deze pagina toont wat het vindt.",
        "Timing is looking for the council's meeting calendar by itself, in the background; this page shows what it finds.");

    private static readonly LocalizedText Disconnected = new("Een beheerder heeft de vergaderkalender losgekoppeld; Timing zoekt niet zelf naar een andere.",
        "An operator disconnected the meeting calendar; Timing does not look for another by itself.");

    private static string When(Instant? at, Language language) => SourceFreshness.When(at).In(language);
}
