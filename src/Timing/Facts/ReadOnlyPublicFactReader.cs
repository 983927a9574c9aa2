using Microsoft.Extensions.Configuration;
using Timing.Storage;

namespace Timing.Facts;

/// <summary>
/// The command line's reader: the configured database opened without changing it (see <see cref="ReadOnlyFacts"/>),
/// or no facts at all with <c>--rules-only</c>. What could not be read is written to <paramref name="notes"/> once.
/// </summary>
public sealed class ReadOnlyPublicFactReader(IConfiguration settings, bool rulesOnly, TextWriter notes) : IPublicFactReader
{
    private bool _noted;

    public async Task<List<PublicFact>> CurrentAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        if (rulesOnly)
        {
            return [];
        }
        var (rows, note) = await ReadOnlyFacts.ReadRowsAsync(settings, codes, cancellationToken);
        if (note is not null && !_noted)
        {
            _noted = true;
            await notes.WriteLineAsync(note);
        }
        return rows;
    }

    /// <summary>The command line prints the moments of a municipality, never its plain meetings.</summary>
    public Task<List<Meeting>> MeetingsAsync(IReadOnlyCollection<string> codes, LocalDate from, LocalDate to, CancellationToken cancellationToken) =>
        Task.FromResult(new List<Meeting>());
}
