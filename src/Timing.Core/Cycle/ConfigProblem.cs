namespace Timing.Core.Cycle;

/// <summary>One problem in a configuration file, named precisely enough to fix without reading code.</summary>
/// <param name="File">The file name, e.g. "cycle.json".</param>
/// <param name="Item">The item, e.g. "moment 'programme-input'".</param>
/// <param name="Field">The field path within the item, e.g. "start.offset".</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record ConfigProblem(string File, string Item, string Field, string Message)
{
    public override string ToString() =>
        Field.Length == 0 ? $"{File}: {Item}: {Message}" : $"{File}: {Item}, field '{Field}': {Message}";
}
