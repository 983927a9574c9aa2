using System.Text;

namespace Timing.Core.Meetings;

/// <summary>
/// Maps council meetings to moments of the cycle by their title, committee and agenda items, the way councils
/// write them ("Programmabegroting 2028", "Gemeenteraad" with agenda item "5 Programmabegroting 2026",
/// "Meningsvorming"). Matching ignores case and accents and looks for the configured words at the start of a word,
/// so "jeugd" finds "jeugdzorg" but "zorg" does not find "verzorging".
/// </summary>
/// <remarks>
/// What a meeting is decides how far its words are trusted: only a plenary council meeting dates a moment without a
/// person confirming it. A handover ("Aanbieden Kadernota 2020"), preview, briefing or talk with the accountant is
/// about the document but is not its debate; a hearing is a speaking opportunity; a cancelled meeting dates nothing.
/// </remarks>
public sealed class MeetingRules
{
    private readonly IReadOnlyList<MomentTitleRule> _moments;
    private readonly MeetingWords _words;

    /// <summary>Every configured word in its compared form, made once rather than for each text of each meeting.</summary>
    private readonly Dictionary<string, string> _normalized;

    public MeetingRules(IReadOnlyList<MomentTitleRule> moments, MeetingWords words)
    {
        _moments = moments;
        _words = words;
        _normalized = new[] { words.Cancelled, words.NotCouncil, words.Hearings, words.Information, words.Committees, words.SocialDomain }
            .Concat(moments.SelectMany(m => new[] { m.Titles, m.Except }))
            .SelectMany(list => list).Distinct(StringComparer.Ordinal).ToDictionary(w => w, Normalize, StringComparer.Ordinal);
    }

    public IReadOnlyList<MomentTitleRule> Moments => _moments;

    /// <summary>The rule of a moment kind, or null when no rule names it.</summary>
    public MomentTitleRule? Rule(string kind) => _moments.FirstOrDefault(r => r.Kind == kind);

    /// <param name="title">The meeting's title.</param>
    /// <param name="committee">The committee (gremium) the source names apart from the title, if any.</param>
    /// <param name="agendaItems">The titles of the meeting's agenda items, in agenda order; read when the title says nothing.</param>
    public MeetingMatches Match(string title, string? committee, IReadOnlyList<string> agendaItems)
    {
        var steps = new List<string>();
        var t = Normalize(title);
        var c = Normalize(committee ?? "");
        if (Find(t, _words.Cancelled) is { } cancelled)
        {
            steps.Add($"title: '{cancelled}' says the meeting is cancelled: it is left out, like a meeting the source marks cancelled");
            return new MeetingMatches(MeetingCategory.Council, false, true, false, [], steps);
        }

        var (category, hearing) = Categorize(t, c, steps);
        var social = SocialWord(title, committee, agendaItems);
        steps.Add(social is null ? "social domain: no social-domain word in the title, committee or agenda" : $"social domain: {social}");
        if (category == MeetingCategory.Other)
        {
            steps.Add("moments: none read from a gathering that is no council meeting");
            return new MeetingMatches(category, social is not null, false, false, [], steps);
        }

        var found = new List<MeetingMatch>();
        foreach (var (text, item) in new[] { (title, "") }.Concat(agendaItems.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => (i, i))))
        {
            MatchText(text, item, category, hearing, found, steps);
        }
        // A certain match leads: it is what the stored meeting shows and what dates the moment.
        var ordered = found.OrderByDescending(m => m.Certain).ToList();
        return new MeetingMatches(category, social is not null, false, hearing, ordered, steps);
    }

    private (MeetingCategory Category, bool Hearing) Categorize(string title, string committee, List<string> steps)
    {
        if (Find(title, _words.NotCouncil) is { } other)
        {
            steps.Add($"category: other — '{other}' in the title: a gathering, not a council meeting");
            return (MeetingCategory.Other, false);
        }
        if (Find(title, _words.Hearings) is { } hearing)
        {
            steps.Add($"category: committee — '{hearing}' in the title: a hearing, where residents may speak; it dates no debate");
            return (MeetingCategory.Committee, true);
        }
        if (Find(title, _words.Information) is { } information)
        {
            steps.Add($"category: information — '{information}' in the title: a handover, preview, briefing or talk where nothing is decided");
            return (MeetingCategory.Information, false);
        }
        if ((Find(title, _words.Committees) ?? Find(committee, _words.Committees)) is { } stage)
        {
            steps.Add($"category: committee — '{stage}' in the title or committee name: the council debate may be another day");
            return (MeetingCategory.Committee, false);
        }
        steps.Add("category: council — no hearing, information or committee word in the title or committee name");
        return (MeetingCategory.Council, false);
    }

    private string? SocialWord(string title, string? committee, IReadOnlyList<string> agendaItems)
    {
        foreach (var (text, where) in new[] { (title, "the title"), (committee ?? "", "the committee name") }.Concat(agendaItems.Select(i => (i, $"agenda item '{i}'"))))
        {
            if (Find(Normalize(text), _words.SocialDomain) is { } word)
            {
                return $"'{word}' in {where}";
            }
        }
        return null;
    }

    private void MatchText(string text, string item, MeetingCategory category, bool hearing, List<MeetingMatch> found, List<string> steps)
    {
        var n = Normalize(text);
        var where = item.Length == 0 ? "title" : $"agenda item '{item}'";
        // An agenda item can be a handover or a hearing inside a council meeting ("Aanbieding jaarrekening door het college").
        var itemKind = item.Length == 0 ? null : Find(n, _words.Information) ?? Find(n, _words.Hearings);
        var any = false;
        foreach (var rule in _moments)
        {
            if (Find(n, rule.Titles) is not { } word)
            {
                continue;
            }
            any = true;
            if (Find(n, rule.Except) is { } except)
            {
                steps.Add($"{where}: '{word}' would name {rule.Kind}, but '{except}' rules it out");
                continue;
            }
            var (certain, why) = !rule.Certain ? (false, "a rule that always asks for confirmation")
                : hearing ? (false, "a hearing: a speaking opportunity, not the debate")
                : category == MeetingCategory.Committee ? (false, "a committee meeting: the council debate may be another day")
                : category == MeetingCategory.Information ? (false, "nothing is decided in this session")
                : itemKind is not null ? (false, $"the agenda item is '{itemKind}': nothing is decided in it")
                : (true, "in a council meeting");
            steps.Add($"{where}: '{word}' → {rule.Kind} ({(certain ? "certain" : "to confirm")}): {why}");
            var index = found.FindIndex(m => m.Kind == rule.Kind);
            var match = new MeetingMatch(rule.Kind, certain, item, $"'{word}' {why}");
            if (index < 0)
            {
                found.Add(match);
            }
            else if (certain && !found[index].Certain)
            {
                found[index] = match;
            }
        }
        if (!any)
        {
            steps.Add($"{where}: no moment word");
        }
    }

    /// <summary>The first word found at the start of a word of <paramref name="normalized"/>, or null.</summary>
    private string? Find(string normalized, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var w = _normalized[word];
            for (var at = normalized.IndexOf(w, StringComparison.Ordinal); at >= 0; at = normalized.IndexOf(w, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || !char.IsLetterOrDigit(normalized[at - 1]))
                {
                    return word;
                }
            }
        }
        return null;
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
