using System.Globalization;
using System.Collections.Concurrent;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Facts;

/// <summary>
/// The public facts of each municipality as the planner reads them, kept in memory for a few seconds so a
/// feed request does not ask the database each time. A change made in this process is seen at once; a
/// change made by another node or by the command line within <see cref="Freshness"/>.
/// </summary>
public sealed class PublicFactStore(IPublicFactReader reader, IClock clock)
{
    /// <summary>How long a read stays in memory.</summary>
    public static readonly Duration Freshness = Duration.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Snapshot> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MeetingSnapshot> _meetings = new(StringComparer.Ordinal);

    /// <summary>
    /// The plain meetings of one municipality in a period: those that date no moment themselves (no rule matched, or an
    /// uncertain match nobody confirmed), as their source still shows them; and a version that changes whenever they do.
    /// </summary>
    public sealed record MeetingSnapshot(IReadOnlyList<Meeting> Meetings, string Version, Instant ReadAt);

    /// <summary>The facts of one municipality, and a version that changes whenever they do.</summary>
    public sealed record Snapshot(IReadOnlyList<ActualDate> Facts, string Version, Instant ReadAt);

    public async Task<Snapshot> GetAsync(string code, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (_cache.TryGetValue(code, out var cached) && now - cached.ReadAt < Freshness && now >= cached.ReadAt)
        {
            return cached;
        }
        var all = await GetManyAsync([code], cancellationToken);
        return all[code];
    }

    /// <summary>The facts of several municipalities with one query.</summary>
    public async Task<IReadOnlyDictionary<string, Snapshot>> GetManyAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var rows = await reader.CurrentAsync(codes, cancellationToken);
        var result = new Dictionary<string, Snapshot>(StringComparer.Ordinal);
        foreach (var code in codes.Distinct())
        {
            var mine = rows.Where(r => r.Code == code).ToArray();
            var version = string.Join(',', mine.Select(r => r.Id));
            var snapshot = new Snapshot(mine.Select(PublicFactRows.ToActual).ToArray(), version, now);
            _cache[code] = snapshot;
            result[code] = snapshot;
        }
        return result;
    }

    /// <summary>The profile with the municipality's public facts beneath its own entries.</summary>
    public async Task<MunicipalityProfile> WithFactsAsync(MunicipalityProfile profile, CancellationToken cancellationToken) =>
        profile.WithPublicFacts((await GetAsync(profile.Code.Value, cancellationToken)).Facts);

    /// <summary>The plain meetings of these municipalities in <paramref name="range"/>, read with one query for those not in memory.</summary>
    public async Task<IReadOnlyDictionary<string, MeetingSnapshot>> PlainMeetingsAsync(IReadOnlyCollection<string> codes, DateInterval range, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        string Key(string code) => $"{code}|{range.Start:yyyy-MM-dd}|{range.End:yyyy-MM-dd}";
        var result = new Dictionary<string, MeetingSnapshot>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var code in codes.Distinct())
        {
            if (_meetings.TryGetValue(Key(code), out var cached) && now - cached.ReadAt < Freshness && now >= cached.ReadAt)
            {
                result[code] = cached;
            }
            else
            {
                missing.Add(code);
            }
        }
        if (missing.Count > 0)
        {
            var rows = await reader.MeetingsAsync(missing, range.Start, range.End, cancellationToken);
            foreach (var code in missing)
            {
                var plain = rows.Where(m => m.Code == code && !DatesAMoment(m)).OrderBy(m => m.Date).ThenBy(m => m.Start.HasValue).ThenBy(m => m.Start).ThenBy(m => m.Id).ToArray();
                var version = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001e',
                    plain.Select(m => string.Join('\u001f', m.Id.ToString(CultureInfo.InvariantCulture), m.Title, m.Committee, m.Location, m.Url,
                        m.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), m.Start?.ToString("g", CultureInfo.InvariantCulture) ?? "", m.Category, m.SourceKind))))), 0, 12);
                var snapshot = new MeetingSnapshot(plain, version, now);
                _meetings[Key(code)] = snapshot;
                result[code] = snapshot;
            }
        }
        return result;
    }

    /// <summary>Whether a meeting dates its moment (a certain or confirmed match): it shows as that moment, not as a meeting.</summary>
    public static bool DatesAMoment(Meeting meeting) => meeting.Kind.Length > 0 && (meeting.Certain || meeting.ConfirmedBy.Length > 0);

    /// <summary>Forgets what was read, after a change in this process.</summary>
    public void Invalidate(string code)
    {
        _cache.TryRemove(code, out _);
        foreach (var key in _meetings.Keys.Where(k => k.StartsWith(code + "|", StringComparison.Ordinal)))
        {
            _meetings.TryRemove(key, out _);
        }
    }
}
