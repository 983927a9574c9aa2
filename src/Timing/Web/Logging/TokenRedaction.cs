using System.Text.RegularExpressions;

namespace Timing.Web.Logging;

/// <summary>
/// Tokens are secrets: personal feed tokens, unsubscribe tokens and sign-in tokens become *** wherever they are
/// logged, at any level, in a path, a query, or alone as a value (a handler's arguments at Trace).
/// </summary>
public static partial class TokenRedaction
{
    public const string Mask = "***";

    /// <summary>The text with every token replaced: /feeds/p/***.ics, /afmelden-nudges/***, ?t=***.</summary>
    public static string Redact(string text)
    {
        if (text.Contains("/feeds/p/", StringComparison.OrdinalIgnoreCase))
        {
            text = PersonalFeedPath().Replace(text, "$1" + Mask);
        }
        if (text.Contains("/afmelden-nudges/", StringComparison.OrdinalIgnoreCase))
        {
            text = UnsubscribePath().Replace(text, "$1" + Mask);
        }
        if (text.Contains("t=", StringComparison.Ordinal))
        {
            text = SignInQuery().Replace(text, "$1" + Mask);
        }
        return LongRandom().Replace(text, m => LooksRandom(m.ValueSpan) ? Mask : m.Value);
    }

    /// <summary>A log value with tokens redacted; values that are not text are redacted as their text.</summary>
    public static object? Redact(object? value) => value switch
    {
        null => null,
        string text => Redact(text),
        Microsoft.AspNetCore.Http.PathString path => Redact(path.Value ?? ""),
        Microsoft.AspNetCore.Http.QueryString query => Redact(query.Value ?? ""),
        // Numbers, dates and the like keep their type for structured logs; anything else (argument lists, route
        // values) may carry a token in its text.
        IConvertible and not string => value,
        _ => Redact(value.ToString() ?? ""),
    };

    /// <summary>
    /// Tokens are 32 random bytes in base64url: 43 characters mixing upper and lower case. Hex hashes, GUIDs and trace
    /// ids use one case only, so they stay readable.
    /// </summary>
    private static bool LooksRandom(ReadOnlySpan<char> run)
    {
        bool upper = false, lower = false;
        foreach (var c in run)
        {
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
        }
        return upper && lower;
    }

    // Anything up to the next separator after /feeds/p/ (also escaped or malformed tokens).
    [GeneratedRegex(@"(/feeds/p/)[^/?#\s""'.]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonalFeedPath();

    [GeneratedRegex(@"(/afmelden-nudges/)[^/?#\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnsubscribePath();

    // The sign-in link's ?t=, in any query.
    [GeneratedRegex(@"([?&]t=)[^&#\s""']+", RegexOptions.CultureInvariant)]
    private static partial Regex SignInQuery();

    [GeneratedRegex(@"[A-Za-z0-9_-]{40,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongRandom();
}
