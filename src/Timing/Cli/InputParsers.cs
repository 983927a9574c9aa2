using NodaTime.Text;
using Timing.Core;
using Timing.Core.Cycle;

namespace Timing.Cli;

/// <summary>Turns command-line text into domain values, or a <see cref="UsageException"/> that says what was expected.</summary>
public static class InputParsers
{
    public static LocalDate Date(string text, string option)
    {
        var result = LocalDatePattern.Iso.Parse(text.Trim());
        if (!result.Success)
        {
            throw new UsageException($"{option} '{text}' is not a valid date; expected YYYY-MM-DD, e.g. 2026-03-18.");
        }
        return SupportedDates.Contains(result.Value)
            ? result.Value
            : throw new UsageException($"{option} '{text}' is outside the years Timing plans; expected a date from {SupportedDates.FirstYear}-01-01 to {SupportedDates.LastYear}-12-31.");
    }

    public static MunicipalityCode Municipality(string text) =>
        MunicipalityCode.TryParse(text, out var code)
            ? code.Value
            : throw new UsageException($"--municipality '{text}' is not a municipality code; expected GM followed by four digits, e.g. GM0344.");

    public static Language Language(string text) => text.Trim().ToLowerInvariant() switch
    {
        "nl" => Core.Cycle.Language.Nl,
        "en" => Core.Cycle.Language.En,
        _ => throw new UsageException($"--lang '{text}' is not supported; expected nl or en."),
    };

    /// <summary>Parses KIND=YYYY-MM-DD, or KIND=YYYY-MM-DD/YYYY-MM-DD for a window.</summary>
    public static (string Kind, DateInterval Dates) Actual(string text)
    {
        const string Expected = "expected KIND=YYYY-MM-DD (or KIND=YYYY-MM-DD/YYYY-MM-DD), e.g. coalition-agreement=2026-06-10";
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new UsageException($"--actual '{text}' is malformed; {Expected}.");
        }
        var kind = text[..separator].Trim();
        if (!MomentKinds.IsKnown(kind))
        {
            throw new UsageException($"--actual names unknown moment kind '{kind}'; {Expected}. Kinds: {string.Join(", ", MomentKinds.All)}.");
        }
        var parts = text[(separator + 1)..].Split('/');
        if (parts.Length > 2)
        {
            throw new UsageException($"--actual '{text}' is malformed; {Expected}.");
        }
        var start = Date(parts[0], $"--actual {kind}");
        var end = parts.Length == 2 ? Date(parts[1], $"--actual {kind}") : start;
        if (end < start)
        {
            throw new UsageException($"--actual {kind}: the end {end:yyyy-MM-dd} is before the start {start:yyyy-MM-dd}.");
        }
        return (kind, new DateInterval(start, end));
    }
}
