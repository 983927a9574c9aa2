using System.Security.Cryptography;
using System.Text;

namespace Timing.Web;

/// <summary>Random tokens for links and feeds: 256 bits from the operating system's CSPRNG, stored only as hashes.</summary>
public static class Secrets
{
    /// <summary>A new token: 32 random bytes, URL-safe base64 (43 characters).</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a token: SHA-256, lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>Compares two hashes without leaking, through timing, how much of them matched.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    /// <summary>Whether text looks like one of our tokens; anything else is rejected before touching the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
