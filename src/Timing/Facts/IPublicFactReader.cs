using Timing.Storage;

namespace Timing.Facts;

/// <summary>Where <see cref="PublicFactStore"/> reads the current public facts from.</summary>
public interface IPublicFactReader
{
    /// <summary>The current value of every fact of these municipalities.</summary>
    Task<List<PublicFact>> CurrentAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken);

    /// <summary>The meetings of these municipalities from <paramref name="from"/> to <paramref name="to"/> that their sources still stand behind.</summary>
    Task<List<Meeting>> MeetingsAsync(IReadOnlyCollection<string> codes, LocalDate from, LocalDate to, CancellationToken cancellationToken);
}
