using System.Text.Json;
using Timing.Core.Cycle;

namespace Timing.Meetings;

/// <summary>
/// Notubiz's own list of the organisations it hosts (<c>GET /organisations?format=json</c>): which organisation id
/// belongs to a council. The list is the same for every municipality and changes seldom, so one read serves a day.
/// </summary>
public sealed class NotubizOrganisations(MeetingFetcher fetcher, IClock clock)
{
    /// <summary>How long one read of the list is used.</summary>
    public static readonly Duration Freshness = Duration.FromHours(24);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (Instant ReadAt, IReadOnlyList<Organisation> List)? _cached;

    /// <summary>One organisation of the list: its id (for /events?organisation_id=) and its name, e.g. "Gemeente Eindhoven".</summary>
    public sealed record Organisation(int Id, string Name);

    /// <summary>Every organisation Notubiz lists; or why the list could not be read.</summary>
    public async Task<(IReadOnlyList<Organisation>? List, LocalizedText? Error)> ListAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetCurrentInstant();
            if (_cached is { } cached && now >= cached.ReadAt && now - cached.ReadAt < Freshness)
            {
                return (cached.List, null);
            }
            var uri = new Uri($"{fetcher.Options.NotubizBaseUrl.TrimEnd('/')}/organisations?format=json&version={NotubizReader.Version}");
            var (status, body, _, _, _, error, _) = await fetcher.GetAsync(uri, "", "", cancellationToken);
            if (status != FetchStatus.Fetched)
            {
                return (null, error);
            }
            try
            {
                var list = Parse(body!);
                _cached = (now, list);
                return (list, null);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                return (null, new LocalizedText($"{uri}: het antwoord is niet te lezen als de organisatielijst van Notubiz ({e.Message}).",
                    $"{uri}: the answer cannot be read as Notubiz's list of organisations ({e.Message})."));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The council's organisation: named "Gemeente X" (or "Gemeenteraad X", or plainly X) for the municipality X, compared
    /// without case. Null when none or several different ones match: a wrong calendar is worse than none.
    /// </summary>
    public static Organisation? Find(IReadOnlyList<Organisation> list, string municipality)
    {
        var wanted = Normal(municipality);
        var matches = list.Where(o => Council(o.Name) == wanted).DistinctBy(o => o.Id).ToList();
        if (matches.Count > 1)
        {
            // "Gemeente X" beside a plain "X" (a local party's archive, a foundation) is the council.
            matches = matches.Where(o => Normal(o.Name).StartsWith("gemeente ", StringComparison.Ordinal)).ToList();
        }
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string Council(string name)
    {
        var normal = Normal(name);
        foreach (var prefix in (string[])["gemeenteraad ", "gemeente "])
        {
            if (normal.StartsWith(prefix, StringComparison.Ordinal))
            {
                return normal[prefix.Length..];
            }
        }
        return normal;
    }

    private static string Normal(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>
    /// The list in Notubiz's JSON: <c>{"organisations":{"organisation":[{"@attributes":{"id":"686"},"name":"Gemeente Eindhoven",…}]}}</c>
    /// (an XML answer turned into JSON, so one organisation may come as an object instead of a list, and ids as text).
    /// </summary>
    public static IReadOnlyList<Organisation> Parse(string body)
    {
        using var json = JsonDocument.Parse(body);
        if (json.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("organisations", out var organisations) || organisations.ValueKind != JsonValueKind.Object
            || !organisations.TryGetProperty("organisation", out var items))
        {
            throw new FormatException("no 'organisations.organisation' list");
        }
        var all = items.ValueKind switch
        {
            JsonValueKind.Array => items.EnumerateArray().ToArray(),
            JsonValueKind.Object => [items],
            _ => throw new FormatException("'organisations.organisation' is neither a list nor an organisation"),
        };
        var list = new List<Organisation>();
        foreach (var item in all)
        {
            if (item.ValueKind == JsonValueKind.Object && Id(item) is { } id
                && item.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text)
            {
                list.Add(new Organisation(id, text.Trim()));
            }
        }
        return list;
    }

    private static int? Id(JsonElement item)
    {
        if (!item.TryGetProperty("@attributes", out var attributes) || attributes.ValueKind != JsonValueKind.Object || !attributes.TryGetProperty("id", out var id))
        {
            return null;
        }
        return id.ValueKind switch
        {
            JsonValueKind.Number when id.TryGetInt32(out var n) && n > 0 => n,
            JsonValueKind.String when int.TryParse(id.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 => n,
            _ => null,
        };
    }
}
