using System.Globalization;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// The OpenBesluitvorming source key an operator connects, checked against <c>/api/status</c>: the key given, or the one
/// the status lists for the CBS code. Shared by the command line and the operator page.
/// </summary>
public static class OpenBesluitvormingMapping
{
    /// <summary>The key to store and what the status said of it; or, with no key, why it cannot be connected.</summary>
    public sealed record Result(string? Key, string Detail, LocalizedText? Problem);

    public static async Task<Result> MapAsync(OpenBesluitvormingReader reader, string code, string key, CancellationToken cancellationToken)
    {
        var (entries, error, _) = await reader.StatusAsync(cancellationToken);
        if (entries is null)
        {
            return key.Length == 0
                ? Refused(
                    $"De /api/status van OpenBesluitvorming is niet te lezen, dus {code} is niet aan een bron te koppelen ({error!.Nl}); probeer het later of geef de bronsleutel, bijvoorbeeld utrecht.",
                    $"OpenBesluitvorming's /api/status cannot be read, so {code} cannot be mapped to a source ({error!.En}); try again later or give the source key: --openbesluitvorming utrecht.")
                : new Result(key, $" (status niet gelezen: {error!.Nl} / status not read: {error.En})", null);
        }
        var entry = OpenBesluitvormingReader.Find(entries, code, key);
        if (entry is null)
        {
            return key.Length > 0
                ? Refused($"De /api/status van OpenBesluitvorming kent de bron '{key}' niet.", $"OpenBesluitvorming's /api/status does not list the source '{key}'.")
                : Refused($"De /api/status van OpenBesluitvorming kent geen gemeente met CBS-code {code}; koppel de eigen kalender van de raad (iCalendar of Notubiz).",
                    $"OpenBesluitvorming's /api/status lists no municipality with CBS code {code}; connect the council's own calendar (--ical or --notubiz).");
        }
        if (entry.CbsId.Length > 0 && !string.Equals(entry.CbsId, code, StringComparison.OrdinalIgnoreCase))
        {
            return Refused($"De bron '{entry.Key}' van OpenBesluitvorming is {entry.Label} ({entry.CbsId}), niet {code}.",
                $"OpenBesluitvorming's source '{entry.Key}' is {entry.Label} ({entry.CbsId}), not {code}.");
        }
        var blind = OpenBesluitvormingReader.Blind(entry);
        if (entry.State is "discontinued" or "not_implemented")
        {
            return new Result(null, "", blind);
        }
        var latest = entry.LatestContent is { } l ? l.InZone(Core.ProductTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
        var detail = $" ({entry.Label}, {entry.Supplier}, state {entry.State}; nieuwste vergadering / newest meeting {latest})";
        if (blind is not null)
        {
            detail += $"; let op: {blind.Nl} / note: {blind.En}";
        }
        return new Result(entry.Key, detail, null);
    }

    private static Result Refused(string nl, string en) => new(null, "", new LocalizedText(nl, en));
}
