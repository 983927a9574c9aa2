using System.Text;

namespace Timing.Core.Meetings;

/// <summary>
/// Maps council meetings to moments of the cycle by their title and committee, the way councils write them
/// ("Programmabegroting 2028", "Algemene beschouwingen", "Commissie Samenleving"). Matching ignores case and
/// accents and looks for the configured words anywhere in the text.
/// </summary>
public sealed class MeetingRules(
    IReadOnlyList<MomentTitleRule> moments,
    IReadOnlyList<string> committees,
    IReadOnlyList<string> information,
    IReadOnlyList<string> socialDomain)
{
    public IReadOnlyList<MomentTitleRule> Moments => moments;

    public MeetingMatch Match(string title, string? committee)
    {
        var t = Normalize(title);
        var c = Normalize(committee ?? "");
        var both = t + " " + c;
        var category = information.Any(w => both.Contains(Normalize(w), StringComparison.Ordinal)) ? MeetingCategory.Information
            : committees.Any(w => c.Contains(Normalize(w), StringComparison.Ordinal) || t.Contains(Normalize(w), StringComparison.Ordinal)) ? MeetingCategory.Committee
            : MeetingCategory.Council;
        var social = socialDomain.Any(w => both.Contains(Normalize(w), StringComparison.Ordinal));
        foreach (var rule in moments)
        {
            var word = rule.Titles.FirstOrDefault(w => t.Contains(Normalize(w), StringComparison.Ordinal));
            if (word is null || rule.Except.Any(w => t.Contains(Normalize(w), StringComparison.Ordinal)))
            {
                continue;
            }
            var certain = rule.Certain && category == MeetingCategory.Council;
            var why = category switch
            {
                MeetingCategory.Council => $"'{word}' in a council meeting",
                MeetingCategory.Committee => $"'{word}' in a committee meeting: the council debate may be another day",
                _ => $"'{word}' in an information session: nothing is decided there",
            };
            return new MeetingMatch(category, rule.Kind, certain, social, rule.Certain ? why : $"'{word}' (a rule that always asks for confirmation)");
        }
        return new MeetingMatch(category, null, false, social, "no rule matches the title");
    }

    /// <summary>Lower case without accents, so "Perspectiefnota", "PERSPECTIEFNOTA" and "perspectiefnóta" compare equal.</summary>
    /// <remarks>Written out rather than with string.Normalize, which the invariant globalization mode does not support.</remarks>
    public static string Normalize(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var lower = char.ToLowerInvariant(ch);
            var index = Accented.IndexOf(lower, StringComparison.Ordinal);
            plain.Append(index >= 0 ? Plain[index] : lower);
        }
        return plain.ToString();
    }

    private const string Accented = "àáâãäåèéêëìíîïòóôõöùúûüýÿçñ";
    private const string Plain = "aaaaaaeeeeiiiiooooouuuuyycn";
}
