using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Timing.Storage;

namespace Timing.Mail;

/// <summary>
/// Unsubscribe links: the person's id signed with the installation's key, so a link works without sign-in
/// (RFC 8058 one-click) but cannot be made up for someone else. Invitation links are signed the same way for
/// another purpose, so neither kind of link can stand in for the other.
/// </summary>
public sealed class Unsubscribe(IServiceScopeFactory scopes)
{
    private byte[]? _key;

    private const string UnsubscribePurpose = "unsubscribe:";
    private const string InvitationPurpose = "invitation:";

    public Task<string> TokenAsync(int personId, CancellationToken cancellationToken) => TokenAsync(personId, UnsubscribePurpose, cancellationToken);

    /// <summary>The person the token was made for, or null for a token that is malformed or not ours.</summary>
    public Task<int?> ReadAsync(string? token, CancellationToken cancellationToken) => ReadAsync(token, UnsubscribePurpose, cancellationToken);

    /// <summary>The token of an invitation link: it lets the invited person accept without signing in.</summary>
    public Task<string> InvitationTokenAsync(int personId, CancellationToken cancellationToken) => TokenAsync(personId, InvitationPurpose, cancellationToken);

    public Task<int?> ReadInvitationAsync(string? token, CancellationToken cancellationToken) => ReadAsync(token, InvitationPurpose, cancellationToken);

    private async Task<string> TokenAsync(int personId, string purpose, CancellationToken cancellationToken)
    {
        var id = personId.ToString(CultureInfo.InvariantCulture);
        return $"{id}.{Sign(await KeyAsync(cancellationToken), purpose, id)}";
    }

    private async Task<int?> ReadAsync(string? token, string purpose, CancellationToken cancellationToken)
    {
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(await KeyAsync(cancellationToken), purpose, parts[0]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[1])) ? id : null;
    }

    private static string Sign(byte[] key, string purpose, string id) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose + id)), 0, 18).Replace('+', '-').Replace('/', '_');

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
