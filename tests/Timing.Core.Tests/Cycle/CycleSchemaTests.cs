using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Timing.Core.Tests.Cycle;

/// <summary>
/// config/cycle.schema.json is for editors; these tests keep it true to the shipped file. The validator below
/// covers the keywords the schema uses (type, required, properties, additionalProperties, items, enum, pattern,
/// minItems, minLength, $ref): no JSON Schema library restores here.
/// </summary>
public class CycleSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "cycle.schema.json")))!;

    [Fact]
    public void ShippedCycleJson_MatchesTheSchema()
    {
        var errors = Validate(JsonNode.Parse(ShippedRules.CycleJson), Schema, "$");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("start", "[]", "$.moments[1].start: expected object")]
    [InlineData("nudges", "[{\"before\": \"begin\", \"lead\": \"P1D\"}]", "$.moments[1].nudges[0].before: not one of")]
    [InlineData("audiences", "[\"burgers\"]", "$.moments[1].audiences[0]: not one of")]
    [InlineData("wanneer", "1", "$.moments[1].wanneer: not allowed")]
    public void WrongTypedValue_IsRejectedByTheSchema(string field, string json, string expected)
    {
        var cycle = JsonNode.Parse(ShippedRules.CycleJson)!;
        cycle["moments"]![1]![field] = JsonNode.Parse(json);
        var errors = Validate(cycle, Schema, "$");
        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    private static List<string> Validate(JsonNode? value, JsonNode schema, string path)
    {
        var errors = new List<string>();
        if (schema["$ref"] is { } reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            return Validate(value, Schema["$defs"]![name]!, path);
        }
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (schema["type"] is { } type && !Is(kind, type.GetValue<string>()))
        {
            errors.Add($"{path}: expected {type.GetValue<string>()}, found {kind}");
            return errors;
        }
        if (schema["enum"] is JsonArray options && !options.Any(o => JsonNode.DeepEquals(o, value)))
        {
            errors.Add($"{path}: not one of {options.ToJsonString()}");
        }
        if (kind == JsonValueKind.String)
        {
            var text = value!.GetValue<string>();
            if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>()))
            {
                errors.Add($"{path}: '{text}' does not match {pattern}");
            }
            if (schema["minLength"] is { } min && text.Length < min.GetValue<int>())
            {
                errors.Add($"{path}: shorter than {min}");
            }
        }
        if (value is JsonArray array)
        {
            if (schema["minItems"] is { } min && array.Count < min.GetValue<int>())
            {
                errors.Add($"{path}: fewer than {min} items");
            }
            if (schema["items"] is { } items)
            {
                errors.AddRange(array.SelectMany((item, i) => Validate(item, items, $"{path}[{i}]")));
            }
        }
        if (value is JsonObject obj)
        {
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    errors.Add($"{path}: missing {required}");
                }
            }
            var properties = schema["properties"]?.AsObject();
            foreach (var (name, child) in obj)
            {
                if (properties is not null && properties.TryGetPropertyValue(name, out var propertySchema))
                {
                    errors.AddRange(Validate(child, propertySchema!, $"{path}.{name}"));
                }
                else if (schema["additionalProperties"] is { } extra && extra.GetValueKind() == JsonValueKind.False)
                {
                    errors.Add($"{path}.{name}: not allowed");
                }
            }
        }
        return errors;
    }

    private static bool Is(JsonValueKind kind, string type) => type switch
    {
        "object" => kind == JsonValueKind.Object,
        "array" => kind == JsonValueKind.Array,
        "string" => kind == JsonValueKind.String,
        "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
        "integer" or "number" => kind == JsonValueKind.Number,
        _ => false,
    };
}
