using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Json.Schema;
using Timing.Core.Cycle;

namespace Timing.Core;

/// <summary>
/// Reads a rule file in two steps: its JSON Schema (config/NAME.schema.json, built into this assembly) checks the
/// structure, then System.Text.Json reads it into typed records. The schema is the one statement of the shape, so
/// editors and the program cannot disagree; each schema error becomes a problem naming the file, the item and the field.
/// </summary>
public static class RuleFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private static readonly ConcurrentDictionary<string, (JsonSchema Schema, JsonNode Node)> Schemas = new(StringComparer.Ordinal);

    /// <summary>The schema text for <paramref name="file"/> ("cycle.json" → cycle.schema.json), as shipped with the program.</summary>
    public static string SchemaText(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file) + ".schema.json";
        using var stream = typeof(RuleFile).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The schema {name} is not built into Timing.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The file's contents as <typeparamref name="T"/>, or null with every problem added. <paramref name="items"/> names
    /// the lists whose elements are items ("moments" → "moment", with "kind" as the element's name where it has one).
    /// </summary>
    public static T? Read<T>(string file, string json, IReadOnlyDictionary<string, (string Noun, string? Id)> items, List<ConfigProblem> problems, out JsonNode? written)
        where T : class
    {
        JsonNode? root;
        written = null;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            problems.Add(new ConfigProblem(file, "the file", "", $"is {JsonSyntax.Describe(e)}."));
            return null;
        }
        written = root?.DeepClone();
        var (schema, schemaNode) = Schemas.GetOrAdd(file, f =>
        {
            var text = SchemaText(f);
            return (JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }), JsonNode.Parse(text)!);
        });
        using var document = JsonDocument.Parse(root?.ToJsonString() ?? "null");
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var outside = false;
        if (!results.IsValid)
        {
            var found = new List<ConfigProblem>();
            var failed = new List<string[]>();
            var details = (results.Details ?? []).Where(d => d.Errors is not null).ToArray();
            foreach (var detail in details.Where(d => !d.EvaluationPath.ToString().Contains("/oneOf/", StringComparison.Ordinal)))
            {
                var at = Segments(detail.InstanceLocation.ToString());
                failed.Add(at);
                found.AddRange(detail.Errors!.Keys.SelectMany(keyword =>
                    Explain(file, items, root, at, Resolve(schemaNode, detail.SchemaLocation.Fragment, keyword.Length > 0 ? keyword : "properties"), keyword)));
            }
            found.AddRange(OneOfProblems(file, items, root, schemaNode, details, failed));
            problems.AddRange(found.Count > 0 ? found.Distinct() : [new ConfigProblem(file, "the file", "", "does not match its schema.")]);
            // The meaning checks still run over the items that passed, so one reading lists every problem; an item that
            // failed is left out, as if it were not there, and a fault outside the items leaves nothing safe to read.
            outside = failed.Any(at => !(at.Length >= 2 && items.ContainsKey(at[0]) && int.TryParse(at[1], CultureInfo.InvariantCulture, out _)));
            foreach (var (list, index) in failed.Where(_ => !outside).Select(at => (at[0], int.Parse(at[1], CultureInfo.InvariantCulture))).Distinct().OrderByDescending(x => x.Item2))
            {
                root![list]!.AsArray().RemoveAt(index);
            }
        }
        if (outside)
        {
            return null;
        }
        try
        {
            return root.Deserialize<T>(SerializerOptions);
        }
        catch (JsonException e)
        {
            problems.Add(new ConfigProblem(file, "the file", e.Path ?? "", $"could not be read: {e.Message}"));
            return null;
        }
    }

    /// <summary>
    /// A oneOf fits when all its branches but one fail. The failed branches are reported one by one; counting them
    /// tells whether none or several fitted, and the oneOf's description says what to write instead.
    /// </summary>
    private static IEnumerable<ConfigProblem> OneOfProblems(
        string file, IReadOnlyDictionary<string, (string Noun, string? Id)> items, JsonNode? root, JsonNode schema, EvaluationResults[] details, List<string[]> failed)
    {
        var failedBranches = details
            .Select(d => (Detail: d, Path: d.EvaluationPath.ToString()))
            .Where(x => x.Path.Contains("/oneOf/", StringComparison.Ordinal))
            .GroupBy(x => (Instance: x.Detail.InstanceLocation.ToString(), OneOf: x.Path[..x.Path.LastIndexOf("/oneOf/", StringComparison.Ordinal)]));
        foreach (var group in failedBranches)
        {
            var location = group.First().Detail.SchemaLocation.Fragment;
            var owner = Resolve(schema, location, "oneOf");
            var branches = owner?["oneOf"]?.AsArray().Count ?? 0;
            if (group.Select(x => x.Path[(x.Path.LastIndexOf("/oneOf/", StringComparison.Ordinal) + 7)..]).Distinct().Count() != branches - 1)
            {
                failed.Add(Segments(group.Key.Instance));
                var (item, field) = Label(items, root, Segments(group.Key.Instance));
                yield return new ConfigProblem(file, item, field, owner?["description"]?.GetValue<string>() ?? "does not fit the schema (oneOf).");
            }
        }
    }

    private static IEnumerable<ConfigProblem> Explain(
        string file, IReadOnlyDictionary<string, (string Noun, string? Id)> items, JsonNode? root, string[] at, JsonNode? schema, string keyword)
    {
        var value = Evaluate(root, at);
        var description = schema?["description"]?.GetValue<string>();
        ConfigProblem At(string[] path, string message)
        {
            var (item, field) = Label(items, root, path);
            return new ConfigProblem(file, item, field, message);
        }
        switch (keyword)
        {
            case "required":
                foreach (var name in schema?["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [])
                {
                    if (value is JsonObject o && !o.ContainsKey(name))
                    {
                        yield return At([.. at, name], "is missing.");
                    }
                }
                break;
            case "":
                // additionalProperties: false fails as the false schema, at the extra field, inside its object's schema.
                var allowed = schema?["properties"]?.AsObject().Select(p => p.Key).Where(k => k != "$schema").ToArray() ?? [];
                yield return At(at, $"is not a field here; check the spelling. Allowed: {string.Join(", ", allowed)}.");
                break;
            case "type":
                yield return At(at, $"must be {Expected(schema?["type"]?.GetValue<string>())}, not {Describe(value)}.");
                break;
            case "enum":
                yield return At(at, $"'{Show(value)}' is not one of: {string.Join(", ", schema!["enum"]!.AsArray().Select(n => n!.ToJsonString().Trim('"')))}.");
                break;
            case "const":
                yield return At(at, $"must be {schema!["const"]!.ToJsonString()}.");
                break;
            case "minItems":
                yield return At(at, "is empty; give at least one.");
                break;
            case "maxLength":
                yield return At(at, $"'{Show(value)}' is longer than {schema!["maxLength"]} characters.");
                break;
            case "minLength":
                yield return At(at, "is empty; it must be a text.");
                break;
            case "pattern" when description is not null:
                yield return At(at, $"'{Show(value)}' is not {description}");
                break;
            default:
                yield return At(at, description is null ? $"does not fit the schema ({keyword})." : $"{Show(value)}: expected {description}");
                break;
        }
    }

    /// <summary>"moment 'election'" and "nudges[2].lead" for /moments/10/nudges/1/lead.</summary>
    private static (string Item, string Field) Label(IReadOnlyDictionary<string, (string Noun, string? Id)> items, JsonNode? root, string[] path)
    {
        var item = "the file";
        var start = 0;
        if (path.Length >= 2 && items.TryGetValue(path[0], out var kind) && int.TryParse(path[1], CultureInfo.InvariantCulture, out var index))
        {
            var element = root?[path[0]]?[index];
            var id = kind.Id is not null && element is JsonObject o && o[kind.Id] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
            item = id is null ? $"{kind.Noun} #{index + 1}" : $"{kind.Noun} '{id}'";
            start = 2;
        }
        var field = "";
        foreach (var segment in path[start..])
        {
            field += int.TryParse(segment, CultureInfo.InvariantCulture, out var i) ? $"[{i + 1}]" : (field.Length > 0 ? "." : "") + segment;
        }
        return (item, field);
    }

    private static string[] Segments(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();

    /// <summary>
    /// The schema object at a location that holds <paramref name="keyword"/>. JsonSchema.Net 8 repeats the array's or
    /// object's property name after "items" and "additionalProperties" in a location (/nudges/items/nudges/…), so that
    /// repeat is dropped; a oneOf branch lies below its owner, so shorter paths are tried too.
    /// </summary>
    private static JsonNode? Resolve(JsonNode schema, string fragment, string keyword)
    {
        var segments = Segments(Uri.UnescapeDataString(fragment.TrimStart('#')));
        var path = segments.Where((s, i) => !(i >= 2 && segments[i - 1] is "items" or "additionalProperties" && s == segments[i - 2])).ToArray();
        for (var length = path.Length; length >= 0; length--)
        {
            if (Evaluate(schema, path[..length]) is JsonObject found && found.ContainsKey(keyword))
            {
                return found;
            }
        }
        return null;
    }

    private static JsonNode? Evaluate(JsonNode? node, string[] path)
    {
        foreach (var segment in path)
        {
            node = node switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }
        return node;
    }

    private static string Show(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "null";

    private static string Expected(string? type) => type switch
    {
        "object" => "an object {…}",
        "array" => "a list […]",
        "string" => "a text",
        "integer" => "a whole number",
        "boolean" => "true or false",
        _ => type ?? "something else",
    };

    private static string Describe(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };
}
