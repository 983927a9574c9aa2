using Timing.Core.Cycle;

namespace Timing.Core.Nudges;

/// <summary>
/// One line of a list a person reads: a moment that several municipalities share on the same dates with the same
/// advice, and every item behind it (one per municipality, in the order they came).
/// </summary>
/// <param name="Items">The items this line stands for; never empty.</param>
/// <param name="Municipalities">The municipalities of those items, each once, by name.</param>
public sealed record MomentLine<T>(IReadOnlyList<T> Items, IReadOnlyList<Municipality> Municipalities)
{
    /// <summary>The item whose moment, dates and advice the line shows: they are the same for all of them.</summary>
    public T First => Items[0];

    /// <summary>"Utrecht", "Amsterdam en Utrecht", "Amsterdam, Utrecht en Zwolle".</summary>
    public string MunicipalityNames(Language language) => MomentLines.Names(Municipalities.Select(m => m.Name).ToList(), language);
}
