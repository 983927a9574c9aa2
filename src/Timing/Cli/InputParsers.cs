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

    /// <summary>
    /// A free text such as a name, trimmed, within the same limits as the pages: at most <paramref name="max"/>
    /// characters and no control characters (an escape sequence in a name would reach terminals and mails).
    /// </summary>
    public static string Text(string? text, string option, int max, bool required = false)
    {
        var value = (text ?? "").Trim();
        if (required && value.Length == 0)
        {
            throw new UsageException($"{option} is leeg; vul een naam in / {option} is empty; expected a name.");
        }
        if (value.Where(char.IsControl).Select(c => (int?)c).FirstOrDefault() is { } control)
        {
            throw new UsageException($"{option} bevat het stuurteken U+{control:X4}; alleen gewone tekst op één regel / " +
                $"{option} contains the control character U+{control:X4}; expected plain text on one line.");
        }
        if (value.Length > max)
        {
            throw new UsageException($"{option} heeft {value.Length} tekens, hoogstens {max} / {option} has {value.Length} characters; at most {max} are allowed.");
        }
        return value;
    }

    /// <summary>A year option such as <c>--cycle 2026</c>, parsed where the command line is read, so a mistake is a parse error.</summary>
    public static int Year(System.CommandLine.Parsing.ArgumentResult result, string option)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && SupportedDates.Contains(year))
        {
            return year;
        }
        result.AddError($"{option} '{text}' is not a year; expected a year from {SupportedDates.FirstYear} to {SupportedDates.LastYear}, e.g. 2026.");
        return 0;
    }

    /// <summary>Lets <paramref name="option"/> take one of <paramref name="choices"/> only, with a one-line message that lists them.</summary>
    public static void OneOf(System.CommandLine.Option<string> option, string[] choices)
    {
        option.HelpName ??= string.Join('|', choices);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !choices.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name} '{value}' is not supported; expected {string.Join(", ", choices[..^1])} or {choices[^1]}.");
            }
        });
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

    /// <summary>What --actual takes, for messages.</summary>
    public const string ActualExpected = "expected KIND=YYYY-MM-DD (or KIND=YYYY-MM-DD/YYYY-MM-DD), e.g. coalition-agreement=2026-06-10";

    /// <summary>Parses KIND=YYYY-MM-DD, or KIND=YYYY-MM-DD/YYYY-MM-DD for a window; the kind is checked against the rules by the caller.</summary>
    public static (string Kind, DateInterval Dates) Actual(string text)
    {
        const string Expected = ActualExpected;
        var separator = text.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            throw new UsageException($"--actual '{text}' is malformed; {Expected}.");
        }
        var kind = text[..separator].Trim();
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
