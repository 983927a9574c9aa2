using Hangfire;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>What one housekeeping run removed.</summary>
public sealed record PurgeResult(int SignInLinks, int FeedTokens);

/// <summary>
/// Removes what can never be used again: sign-in links past their 15 minutes (used or not) and feed tokens that were
/// revoked. Both are hashes of secrets, and a revoked feed address answers 404 whether its row is kept or not, so
/// nothing is gained by keeping them. Runs daily; safe to run twice or on two nodes at once.
/// </summary>
public sealed partial class Housekeeping(TimingDbContext db, IClock clock, ILogger<Housekeeping> logger)
{
    public const string Job = "housekeeping";

    /// <summary>Daily at 03:40 Amsterdam time, when nobody signs in and no nudge is due.</summary>
    public const string Cron = "40 3 * * *";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 3)]
    public async Task<PurgeResult> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var links = await db.SignInLinks.Where(l => l.Expires < now).ExecuteDeleteAsync(cancellationToken);
        var tokens = await db.FeedTokens.Where(t => t.Revoked != null).ExecuteDeleteAsync(cancellationToken);
        Purged(logger, links, tokens);
        return new PurgeResult(links, tokens);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Housekeeping removed {Links} expired sign-in links and {Tokens} revoked feed tokens.")]
    private static partial void Purged(ILogger logger, int links, int tokens);
}
