using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Timing.Core.Cycle;
using Timing.Core.Nudges;

namespace Timing.Storage;

// How the domain's types are written to columns. These are the only places that turn an Instant into a number or a
// set into text, and the column types are those the tables had before the entities were typed, so databases made
// by earlier releases read as they are.

/// <summary>An instant as Unix milliseconds (an integer column): sorts and compares the same way in SQLite and PostgreSQL.</summary>
public sealed class InstantAsUnixMilliseconds() : ValueConverter<Instant, long>(
    instant => instant.ToUnixTimeMilliseconds(),
    milliseconds => Instant.FromUnixTimeMilliseconds(milliseconds));

/// <summary>A day as the provider's own date (TEXT yyyy-MM-dd in SQLite, date in PostgreSQL).</summary>
public sealed class LocalDateAsDateOnly() : ValueConverter<LocalDate, DateOnly>(
    date => date.ToDateOnly(),
    date => LocalDate.FromDateOnly(date));

/// <summary>A language as its code, "nl" or "en"; any other stored text reads as Dutch, as it always did.</summary>
public sealed class LanguageAsCode() : ValueConverter<Language, string>(
    language => StoredNames.Code(language),
    code => StoredNames.Language(code));

/// <summary>A nudge mode as "each", "digest", "both" or "none"; any other stored text reads as each.</summary>
public sealed class NudgeModeAsName() : ValueConverter<NudgeMode, string>(
    mode => StoredNames.Name(mode),
    name => StoredNames.Mode(name));

/// <summary>A set of ids or codes as one comma-separated text, in ordinal order; empty text is the empty set.</summary>
public sealed class SetAsCommaSeparated() : ValueConverter<IReadOnlySet<string>, string>(
    set => StoredSets.Join(set),
    text => StoredSets.Split(text));

/// <summary>Two sets are the same when they hold the same items, in whatever order.</summary>
public sealed class SetComparer() : ValueComparer<IReadOnlySet<string>>(
    (a, b) => StoredSets.Same(a, b),
    set => StoredSets.Hash(set),
    set => StoredSets.Of(set));

/// <summary>The stored names of the enums.</summary>
internal static class StoredNames
{
    public static string Code(Language language) => language == Core.Cycle.Language.En ? "en" : "nl";

    public static Language Language(string code) => code == "en" ? Core.Cycle.Language.En : Core.Cycle.Language.Nl;

    public static string Name(NudgeMode mode) => mode switch
    {
        NudgeMode.Digest => "digest",
        NudgeMode.Both => "both",
        NudgeMode.None => "none",
        _ => "each",
    };

    public static NudgeMode Mode(string name) => name switch
    {
        "digest" => NudgeMode.Digest,
        "both" => NudgeMode.Both,
        "none" => NudgeMode.None,
        _ => NudgeMode.Each,
    };
}

/// <summary>The sets stored as comma-separated text (a person's audiences and municipalities).</summary>
public static class StoredSets
{
    /// <summary>The empty set.</summary>
    public static IReadOnlySet<string> Empty { get; } = ImmutableSortedSet.Create<string>(StringComparer.Ordinal);

    /// <summary>An unchangeable set of the given items, in the order they are stored.</summary>
    public static IReadOnlySet<string> Of(IEnumerable<string> items) => ImmutableSortedSet.CreateRange(StringComparer.Ordinal, items);

    internal static string Join(IReadOnlySet<string> set) => string.Join(',', set.Order(StringComparer.Ordinal));

    internal static IReadOnlySet<string> Split(string text) =>
        Of(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    internal static bool Same(IReadOnlySet<string>? a, IReadOnlySet<string>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count && a.SetEquals(b));

    internal static int Hash(IReadOnlySet<string> set) =>
        set.Aggregate(0, (hash, item) => hash ^ StringComparer.Ordinal.GetHashCode(item));
}
