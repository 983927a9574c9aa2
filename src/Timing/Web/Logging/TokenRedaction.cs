using System.Text.RegularExpressions;

namespace Timing.Web.Logging;

/// <summary>Personal feed tokens are secrets: wherever a path is logged, the token becomes ***.</summary>
public static partial class TokenRedaction
{
    public const string Mask = "***";

    /// <summary>The text with every personal feed token replaced: /feeds/p/***.ics.</summary>
    public static string Redact(string text) => text.Contains("/feeds/p/", StringComparison.OrdinalIgnoreCase)
        ? PersonalFeedPath().Replace(text, "$1" + Mask)
        : text;

    /// <summary>A log value with tokens redacted; values that are not text pass unchanged.</summary>
    public static object? Redact(object? value) => value switch
    {
        string text => Redact(text),
        Microsoft.AspNetCore.Http.PathString path => Redact(path.Value ?? ""),
        _ => value,
    };

    // Anything up to the next separator after /feeds/p/ (also escaped or malformed tokens).
    [GeneratedRegex(@"(/feeds/p/)[^/?#\s""'.]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonalFeedPath();
}
