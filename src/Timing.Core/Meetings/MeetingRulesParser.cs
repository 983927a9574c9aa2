using Timing.Core.Cycle;

namespace Timing.Core.Meetings;

/// <summary>The outcome of reading config/meetings.json: the rules, or every problem found.</summary>
public sealed record MeetingRulesResult(MeetingRules? Rules, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Rules is not null && Problems.Count == 0;
}

/// <summary>
/// Reads config/meetings.json from its text. Its JSON Schema checks the shape (<see cref="RuleFile"/>); this class
/// checks the meaning: every rule names a moment kind the cycle rules define. Every problem names the file, the rule
/// and the field.
/// </summary>
public static class MeetingRulesParser
{
    public const string File = "meetings.json";

    private static readonly Dictionary<string, (string, string?)> Items = new(StringComparer.Ordinal)
    {
        ["moments"] = ("rule", "kind"),
    };

    /// <param name="kinds">The moment kinds the cycle rules define: a rule may only name one of them.</param>
    public static MeetingRulesResult Parse(string json, IReadOnlyCollection<string> kinds)
    {
        var problems = new List<ConfigProblem>();
        var file = RuleFile.Read<MeetingsRecord>(File, json, Items, problems, out _);
        if (file is null)
        {
            return new MeetingRulesResult(null, problems);
        }
        foreach (var rule in file.Moments.Where(r => !kinds.Contains(r.Kind)))
        {
            problems.Add(new ConfigProblem(File, $"rule '{rule.Kind}'", "kind", $"'{rule.Kind}' is not a moment kind; expected one of: {string.Join(", ", kinds)}."));
        }
        if (problems.Count > 0)
        {
            return new MeetingRulesResult(null, problems);
        }
        var moments = file.Moments.Select(r => new MomentTitleRule(r.Kind, Words(r.Titles), Words(r.Except), r.Certain, r.DatesEnd)).ToArray();
        var words = new MeetingWords(Words(file.Cancelled), Words(file.NotCouncil), Words(file.Hearings), Words(file.Information), Words(file.Committees), Words(file.SocialDomain));
        return new MeetingRulesResult(new MeetingRules(moments, words), problems);
    }

    /// <summary>The words as they are compared: the schema allows spaces around a word, which mean nothing.</summary>
    private static string[] Words(string[]? words) => (words ?? []).Select(w => w.Trim()).ToArray();
}
