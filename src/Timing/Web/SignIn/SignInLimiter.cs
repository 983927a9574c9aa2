using System.Threading.RateLimiting;

namespace Timing.Web.SignIn;

/// <summary>What becomes of one sign-in link request.</summary>
public enum SignInAdmission
{
    /// <summary>The request goes to the mail queue.</summary>
    Mail,

    /// <summary>The address has had its share of mail: the answer is the same as for <see cref="Mail"/>, but nothing is queued.</summary>
    Quiet,

    /// <summary>This requester asked too often: only the requester is told to wait.</summary>
    RequesterLimited,
}

/// <summary>
/// Limits sign-in link requests without letting anyone lock another person out. Only the requester's own limit
/// (by client IP) refuses the page. The limits per address only stop further mail, silently and with the same
/// answer, so they reveal nothing: at most <see cref="PerRequesterAndAddress"/> mails an hour for one address from
/// one requester, and <see cref="PerAddress"/> an hour for one address in all. A stranger who uses up their share
/// for an address leaves the person's own requests (from their own connection) untouched.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    public const int PerRequester = 20;
    public const int PerRequesterAndAddress = 3;
    public const int PerAddress = 10;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, k => k[..k.IndexOf(':', StringComparison.Ordinal)] switch
        {
            "ip" => Window(PerRequester, TimeSpan.FromMinutes(15)),
            "pair" => Window(PerRequesterAndAddress, TimeSpan.FromHours(1)),
            _ => Window(PerAddress, TimeSpan.FromHours(1)),
        }));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) => new() { PermitLimit = permits, Window = window, QueueLimit = 0 };

    public SignInAdmission Admit(string address, string? ip)
    {
        var requester = ip ?? "unknown";
        using var byRequester = _limiter.AttemptAcquire("ip:" + requester);
        if (!byRequester.IsAcquired)
        {
            return SignInAdmission.RequesterLimited;
        }
        var normalised = address.Trim().ToLowerInvariant();
        using var byPair = _limiter.AttemptAcquire($"pair:{requester} {normalised}");
        if (!byPair.IsAcquired)
        {
            return SignInAdmission.Quiet;
        }
        using var byAddress = _limiter.AttemptAcquire("email:" + normalised);
        return byAddress.IsAcquired ? SignInAdmission.Mail : SignInAdmission.Quiet;
    }

    public void Dispose() => _limiter.Dispose();
}
