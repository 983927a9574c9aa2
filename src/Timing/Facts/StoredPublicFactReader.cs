using Timing.Storage;

namespace Timing.Facts;

/// <summary>The service's reader: the configured database, through the usual context.</summary>
public sealed class StoredPublicFactReader(IServiceScopeFactory scopes) : IPublicFactReader
{
    public async Task<List<PublicFact>> CurrentAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await PublicFactRows.CurrentAsync(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), codes, cancellationToken);
    }

    public async Task<List<Meeting>> MeetingsAsync(IReadOnlyCollection<string> codes, LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Meetings.CurrentMeetings.ListAsync(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), codes, from, to, cancellationToken);
    }
}
