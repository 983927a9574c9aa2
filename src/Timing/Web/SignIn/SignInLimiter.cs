using System.Threading.RateLimiting;

namespace Timing.Web.SignIn;

/// <summary>
/// Limits sign-in link requests: 5 per address and 20 per client IP in 15 minutes, so nobody can flood
/// a mailbox or probe many addresses.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.StartsWith("ip:", StringComparison.Ordinal) ? 20 : 5,
            Window = TimeSpan.FromMinutes(15),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string email, string? ip)
    {
        using var byIp = _limiter.AttemptAcquire("ip:" + (ip ?? "unknown"));
        if (!byIp.IsAcquired)
        {
            return false;
        }
        using var byAddress = _limiter.AttemptAcquire("email:" + email.Trim().ToLowerInvariant());
        return byAddress.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
