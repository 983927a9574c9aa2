namespace Timing.Web;

/// <summary>
/// The longest text each free-text field accepts. Longer input is refused next to the field, in the
/// page's language; inputs carry the same limit as <c>maxlength</c>.
/// </summary>
public static class TextLimits
{
    public const int Email = 254;

    public const int PersonName = 200;

    public const int EventTitle = 200;

    public const int MunicipalityName = Municipalities.MunicipalityList.MaxNameLength;

    public const int Search = 80;

    /// <summary>Whether the text fits: at most <paramref name="max"/> characters and no control characters.</summary>
    public static bool Fits(string? text, int max) => (text ?? "").Length <= max && !(text ?? "").Any(char.IsControl);

    /// <summary>
    /// A refused value as a message repeats it: control characters shown as \uFFFD and at most 40 characters, so
    /// input cannot put line breaks, terminal escapes or kilobytes into an answer or a log.
    /// </summary>
    public static string Quoted(string? value)
    {
        var text = new string((value ?? "").Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray());
        return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
    }
}
