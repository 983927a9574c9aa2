using System.Globalization;
using System.Text;

namespace Timing.Meetings;

/// <summary>
/// Text that came from a meeting source, made safe to show: a council's calendar is written by someone else, so its
/// titles and places may carry control characters, terminal escape sequences or bidi overrides that would reorder a
/// page, a feed or a terminal. And a source's address may hold credentials or an API key, so pages name it by host only.
/// </summary>
public static class SourceText
{
    /// <summary>
    /// <paramref name="text"/> without control characters (C0, DEL, C1; tabs and line ends become spaces) and without
    /// the bidi embedding, override and isolate characters and other invisible format characters, trimmed.
    /// </summary>
    public static string Clean(string? text) => Clean(text, keepLineEnds: false).Trim();

    /// <summary>Like <see cref="Clean(string?)"/>, but keeps line ends and does not trim: for a block of a calendar file before it is parsed.</summary>
    public static string CleanLines(string text) => Clean(text, keepLineEnds: true);

    private static string Clean(string? text, bool keepLineEnds)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = !Unsafe(c) || keepLineEnds && c is '\r' or '\n';
            if (keep && builder is null)
            {
                continue;
            }
            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (keep)
            {
                builder.Append(c);
            }
            else if (c is '\t' or '\n' or '\r')
            {
                builder.Append(' ');
            }
        }
        return builder?.ToString() ?? text;
    }

    /// <summary>A source's address as pages may show it: scheme and host of a web address, the file name of a file.</summary>
    public static string Host(string address)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            return uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        }
        return Clean(Path.GetFileName(address));
    }

    /// <summary>An address's host for messages that pages and mails show: never its path, query, user or password.</summary>
    public static string Host(Uri uri) => Host(uri.AbsoluteUri);

    private static bool Unsafe(char c) =>
        char.IsControl(c)
        // LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI; LRM, RLM, ALM; zero-width and other invisible format characters.
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C' or '\u200B' or '\u2060' or '\uFEFF'
        || char.GetUnicodeCategory(c) == UnicodeCategory.Format && c is not '\u00AD'
        || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
