using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Timing.Core.Cycle;

/// <summary>A CBS municipality code: "GM" followed by four digits, e.g. GM0344 (Utrecht).</summary>
public readonly record struct MunicipalityCode
{
    private MunicipalityCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Parses a code; lower-case "gm0344" is accepted and normalised.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MunicipalityCode? code)
    {
        code = null;
        if (text is null)
        {
            return false;
        }
        var trimmed = text.Trim();
        if (trimmed.Length != 6
            || !trimmed.StartsWith("GM", StringComparison.OrdinalIgnoreCase)
            || trimmed.AsSpan(2).ContainsAnyExcept("0123456789"))
        {
            return false;
        }
        code = new MunicipalityCode(trimmed.ToUpperInvariant());
        return true;
    }

    /// <summary>Parses a code or throws with a message that shows the expected form.</summary>
    public static MunicipalityCode Parse(string text) =>
        TryParse(text, out var code)
            ? code.Value
            : throw new FormatException(
                $"'{text}' is not a municipality code: expected GM followed by four digits, e.g. GM0344.");

    /// <summary>The four digits as a number, for ordering.</summary>
    public int Number => int.Parse(Value.AsSpan(2), CultureInfo.InvariantCulture);

    public override string ToString() => Value;
}
