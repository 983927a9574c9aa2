using System.Text;
using System.Text.Json;
using Timing.Core.Cycle;

namespace Timing.Municipalities;

/// <summary>
/// Reads the CBS municipality list: a CSV with a header "code,name", or the CBS/PDOK GeoJSON
/// (features with properties statcode and statnaam). The file must be UTF-8; a name has 1–80
/// characters and no control characters. Malformed rows are errors that name the line and the reason.
/// </summary>
public static class MunicipalityList
{
    public const int MaxNameLength = 80;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<Municipality> Parse(string text, string fileName)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return trimmed.StartsWith('{') ? ParseGeoJson(trimmed, fileName) : ParseCsv(trimmed, fileName);
    }

    public static IReadOnlyList<Municipality> Load(string path) => Parse(Decode(File.ReadAllBytes(path), path), path);

    /// <summary>The file as text, or an error naming the first line that is not valid UTF-8.</summary>
    public static string Decode(byte[] bytes, string fileName)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var line = 1;
            var start = 0;
            for (var i = 0; i <= bytes.Length; i++)
            {
                if (i == bytes.Length || bytes[i] == (byte)'\n')
                {
                    try
                    {
                        StrictUtf8.GetString(bytes, start, i - start);
                    }
                    catch (DecoderFallbackException)
                    {
                        break;
                    }
                    line++;
                    start = i + 1;
                }
            }
            throw new FormatException($"{fileName}: line {line} is not valid UTF-8; save the list as UTF-8 (CBS publishes it so).");
        }
    }

    /// <summary>Why a municipality name cannot be used, or null when it can.</summary>
    public static string? NameProblem(string name)
    {
        var length = name.EnumerateRunes().Count();
        if (length == 0)
        {
            return "is empty";
        }
        if (length > MaxNameLength)
        {
            return $"has {length} characters; at most {MaxNameLength} are allowed";
        }
        var control = name.FirstOrDefault(char.IsControl, 'x');
        return control != 'x' ? $"contains the control character U+{(int)control:X4}; a name is plain text on one line" : null;
    }

    private static List<Municipality> ParseCsv(string text, string fileName)
    {
        var lines = text.Split('\n');
        var header = lines[0].Trim().TrimEnd('\r').ToLowerInvariant();
        if (header.Replace(";", ",", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) != "code,name")
        {
            throw new FormatException($"{fileName}: line 1 must be the header 'code,name' (found '{lines[0].Trim()}').");
        }
        var result = new List<Municipality>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var separator = line.IndexOfAny([',', ';']);
            if (separator < 0)
            {
                throw new FormatException($"{fileName}: line {i + 1} has no name after the code: '{line}'.");
            }
            var code = Unquote(line[..separator]);
            var name = Unquote(line[(separator + 1)..]);
            Add(result, code, name, fileName, $"line {i + 1}");
        }
        return result;
    }

    private static List<Municipality> ParseGeoJson(string text, string fileName)
    {
        var result = new List<Municipality>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{fileName}: {Core.JsonSyntax.Describe(e)}.", e);
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{fileName}: a GeoJSON municipality list needs a 'features' list.");
            }
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                if (!feature.TryGetProperty("properties", out var properties)
                    || !properties.TryGetProperty("statcode", out var code)
                    || !properties.TryGetProperty("statnaam", out var name))
                {
                    throw new FormatException($"{fileName}: feature #{index} lacks properties.statcode or properties.statnaam.");
                }
                Add(result, Text(code, "statcode", index), Text(name, "statnaam", index), fileName, $"feature #{index}");
            }
        }
        return result;

        // A number or a list where text belongs is named with its feature and field, not thrown from the JSON reader.
        string Text(JsonElement value, string field, int feature) => value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"{fileName}: feature #{feature}: properties.{field} must be text in quotes, but is {Describe(value.ValueKind)} ({Shorten(value.GetRawText())}).");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "empty",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "not text",
    };

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..40] + "…";

    private static void Add(List<Municipality> result, string codeText, string name, string fileName, string where)
    {
        if (!MunicipalityCode.TryParse(codeText, out var code))
        {
            throw new FormatException($"{fileName}: {where}: '{codeText}' is not a municipality code (expected GM followed by four digits).");
        }
        if (NameProblem(name) is { } problem)
        {
            throw new FormatException($"{fileName}: {where}: the name of {code} {problem}.");
        }
        if (result.Any(m => m.Code == code))
        {
            throw new FormatException($"{fileName}: {where}: {code} appears twice.");
        }
        result.Add(new Municipality(code.Value, name));
    }

    private static string Unquote(string value) => value.Trim().Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal).Trim();
}
