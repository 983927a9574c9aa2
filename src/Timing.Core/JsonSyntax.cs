using System.Text.Json;

namespace Timing.Core;

/// <summary>
/// A JSON syntax error in words for the person editing the file: where it is (line and column, counted from 1)
/// and the likely cause, without the parser's internal terms.
/// </summary>
public static class JsonSyntax
{
    /// <summary>For example "not valid JSON at line 3, column 14: a comma or a closing } or ] is missing".</summary>
    public static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
        return $"not valid JSON{where}{Cause(e.Message)}";
    }

    private static string Cause(string message)
    {
        bool Says(string text) => message.Contains(text, StringComparison.Ordinal);
        return Says("does not contain any JSON tokens") ? ": the file is empty"
            : Says("Expected depth to be zero") || Says("reached end of data") ? ": the text ends before every {, [ and \" is closed"
            : Says("is invalid after a value") ? ": a comma or a closing } or ] is missing"
            : Says("is invalid after a property name") ? ": a ':' is missing after a name"
            : Says("is an invalid start of") ? ": nothing can start there (a missing quote, a comma too many, or a character that is not text)"
            : "";
    }
}
