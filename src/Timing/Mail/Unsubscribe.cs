using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Timing.Storage;

namespace Timing.Mail;

/// <summary>
/// Unsubscribe links: the person's id signed with the installation's key, so a link works without sign-in
/// (RFC 8058 one-click) but cannot be made up for someone else.
/// </summary>
public sealed class Unsubscribe(IServiceScopeFactory scopes)
{
    private byte[]? _key;

    public async Task<string> TokenAsync(int personId, CancellationToken cancellationToken)
    {
        var id = personId.ToString(CultureInfo.InvariantCulture);
        return $"{id}.{Sign(await KeyAsync(cancellationToken), id)}";
    }

    /// <summary>The person the token was made for, or null for a token that is malformed or not ours.</summary>
    public async Task<int?> ReadAsync(string? token, CancellationToken cancellationToken)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken), parts[0]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[1])) ? id : null;
    }

    private static string Sign(byte[] key, string id) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("unsubscribe:" + id)), 0, 18).Replace('+', '-').Replace('/', '_');

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is null)
        {
            await using var scope = scopes.CreateAsyncScope();
            _key = await AppSecrets.GetOrCreateAsync(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), "unsubscribe-key", cancellationToken);
        }
        return _key;
    }
}
