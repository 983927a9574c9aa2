using System.Text.Json;
using Timing.Core.Cycle;

namespace Timing.Core.Meetings;

/// <summary>The outcome of reading config/meetings.json: the rules, or every problem found.</summary>
public sealed record MeetingRulesResult(MeetingRules? Rules, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Rules is not null && Problems.Count == 0;
}

/// <summary>
/// Reads config/meetings.json from its text and reports every problem with file, rule and field, like the
/// other rule files.
/// </summary>
public static class MeetingRulesParser
{
    public const string File = "meetings.json";

    /// <param name="kinds">The moment kinds the cycle rules define: a rule may only name one of them.</param>
    public static MeetingRulesResult Parse(string json, IReadOnlyCollection<string> kinds)
    {
        var problems = new List<ConfigProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return new MeetingRulesResult(null, [new ConfigProblem(File, "the file", "", $"is {JsonSyntax.Describe(e)}.")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new MeetingRulesResult(null, [new ConfigProblem(File, "the file", "", "must hold one JSON object with 'moments', 'committees', 'information' and 'socialDomain'.")]);
            }
            var committees = Words(root, "committees", "the file", problems, required: true);
            var information = Words(root, "information", "the file", problems, required: true);
            var social = Words(root, "socialDomain", "the file", problems, required: true);
            // Optional, so a rule folder made before these lists existed keeps loading.
            var cancelled = Words(root, "cancelled", "the file", problems, required: false);
            var notCouncil = Words(root, "notCouncil", "the file", problems, required: false);
            var hearings = Words(root, "hearings", "the file", problems, required: false);
            var moments = new List<MomentTitleRule>();
            if (!root.TryGetProperty("moments", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ConfigProblem(File, "the file", "moments", "is missing or not a list; expected a list of rules such as {\"kind\": \"budget-debate\", \"titles\": [\"programmabegroting\"]}."));
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    index++;
                    var name = $"rule #{index}";
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add(new ConfigProblem(File, name, "", "must be an object with 'kind' and 'titles'."));
                        continue;
                    }
                    string? kind = null;
                    if (!item.TryGetProperty("kind", out var k) || k.ValueKind != JsonValueKind.String)
                    {
                        problems.Add(new ConfigProblem(File, name, "kind", "is missing; expected a moment kind such as 'budget-debate'."));
                    }
                    else if (!kinds.Contains(k.GetString()!))
                    {
                        problems.Add(new ConfigProblem(File, name, "kind", $"'{k.GetString()}' is not a moment kind; expected one of: {string.Join(", ", kinds)}."));
                    }
                    else
                    {
                        kind = k.GetString();
                        name = $"rule #{index} ('{kind}')";
                    }
                    var titles = Words(item, "titles", name, problems, required: true);
                    var except = Words(item, "except", name, problems, required: false);
                    var certain = Flag(item, "certain", name, true, problems);
                    var datesEnd = Flag(item, "datesEnd", name, false, problems);
                    if (kind is not null && titles.Count > 0)
                    {
                        moments.Add(new MomentTitleRule(kind, titles, except, certain, datesEnd));
                    }
                }
            }
            return problems.Count > 0
                ? new MeetingRulesResult(null, problems)
                : new MeetingRulesResult(new MeetingRules(moments, new MeetingWords(cancelled, notCouncil, hearings, information, committees, social)), problems);
        }
    }

    private static bool Flag(JsonElement item, string field, string name, bool absent, List<ConfigProblem> problems)
    {
        if (!item.TryGetProperty(field, out var value))
        {
            return absent;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        problems.Add(new ConfigProblem(File, name, field, "must be true or false."));
        return absent;
    }

    private static List<string> Words(JsonElement parent, string field, string item, List<ConfigProblem> problems, bool required)
    {
        var words = new List<string>();
        if (!parent.TryGetProperty(field, out var list))
        {
            if (required)
            {
                problems.Add(new ConfigProblem(File, item, field, "is missing; expected a list of words, e.g. [\"kadernota\"]."));
            }
            return words;
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ConfigProblem(File, item, field, "must be a list of words, e.g. [\"kadernota\"]."));
            return words;
        }
        var index = 0;
        foreach (var w in list.EnumerateArray())
        {
            index++;
            if (w.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(w.GetString()))
            {
                problems.Add(new ConfigProblem(File, item, $"{field}[{index}]", "must be a non-empty text."));
            }
            else if (w.GetString()!.Trim().Length < 3)
            {
                problems.Add(new ConfigProblem(File, item, $"{field}[{index}]", $"'{w.GetString()}' is too short to match titles safely; use at least 3 letters."));
            }
            else
            {
                words.Add(w.GetString()!.Trim());
            }
        }
        if (required && index == 0)
        {
            problems.Add(new ConfigProblem(File, item, field, "is empty; give at least one word."));
        }
        return words;
    }
}
