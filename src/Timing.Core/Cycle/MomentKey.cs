namespace Timing.Core.Cycle;

/// <summary>
/// The stable identity of a moment: municipality, kind and cycle, written "GM0344/coalition-agreement/2026".
/// Feed UIDs and nudge ids derive from it, so a moved date updates the same event and nudge.
/// </summary>
public sealed record MomentKey(MunicipalityCode Municipality, string Kind, int Cycle, string? LocalId = null)
{
    public override string ToString() => LocalId is null
        ? $"{Municipality.Value}/{Kind}/{Cycle}"
        : $"{Municipality.Value}/{Kind}/{Cycle}/{LocalId}";

    /// <summary>Reads a key written by <see cref="ToString"/>; false for anything else.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MomentKey? key)
    {
        key = null;
        var parts = (text ?? "").Split('/');
        if (parts.Length is < 3 or > 4 || !MunicipalityCode.TryParse(parts[0], out var code) || parts[1].Length == 0
            || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cycle))
        {
            return false;
        }
        key = new MomentKey(code.Value, parts[1], cycle, parts.Length == 4 ? parts[3] : null);
        return true;
    }
}
