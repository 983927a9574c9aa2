namespace Timing.Web.SignIn;

/// <summary>
/// Where a person goes after signing in: the page that sent them to sign in, carried through the sign-in mail.
/// Only a path on this site is kept, so a link can never send someone elsewhere after signing in.
/// </summary>
public static class ReturnPath
{
    public const int MaxLength = 500;

    /// <summary>The path when it is a local one (it starts with one slash, not two), else null.</summary>
    public static string? Safe(string? path) =>
        path is { Length: > 0 and <= MaxLength } && path[0] == '/' && !path.StartsWith("//", StringComparison.Ordinal)
            && !path.StartsWith("/\\", StringComparison.Ordinal) && !path.Any(char.IsControl)
            ? path
            : null;
}
