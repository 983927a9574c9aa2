using Timing.Core.Cycle;

namespace Timing.Feeds;

/// <summary>
/// Which moments a feed shows: those for any of <see cref="Audiences"/> and of <see cref="Kinds"/>; null means all.
/// <see cref="MunicipalOnly"/> leaves out other arenas (provincial, water-board, national and European elections).
/// <see cref="Meetings"/> adds the council's plain meetings: those that date no moment (off by default).
/// </summary>
public sealed record FeedFilter(IReadOnlySet<string>? Audiences = null, IReadOnlySet<string>? Kinds = null, bool MunicipalOnly = false, bool Meetings = false, bool Separate = false)
{
    public static readonly FeedFilter All = new();

    public bool Includes(Moment moment) =>
        (Kinds is null || Kinds.Contains(moment.Kind))
        && (Audiences is null || moment.Audiences.Any(Audiences.Contains))
        && !(MunicipalOnly && moment.Definition.IsArena);

    /// <summary>
    /// This filter within the audiences a person follows (none means all): a feed address can narrow what the person
    /// receives, never widen it. An address that names only audiences the person does not follow leaves an empty set, which matches nothing.
    /// </summary>
    public FeedFilter Within(IReadOnlySet<string> followed) => followed.Count == 0 ? this
        : this with { Audiences = Audiences is null ? followed : Audiences.Where(followed.Contains).ToHashSet(StringComparer.Ordinal) };

    /// <summary>A stable text for cache keys.</summary>
    public string Key => $"a={Join(Audiences)};k={Join(Kinds)}{(MunicipalOnly ? ";arena=municipal" : "")}{(Meetings ? ";meetings" : "")}{(Separate ? ";separate" : "")}";

    private static string Join(IReadOnlySet<string>? set) => set is null ? "*" : string.Join(',', set.Order(StringComparer.Ordinal));
}
