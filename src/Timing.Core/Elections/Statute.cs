namespace Timing.Core.Elections;

/// <summary>
/// Where a rule comes from and when it applies: the article it implements and its validity period.
/// A rule that changed over time is several <see cref="Statute"/> values with adjoining periods.
/// </summary>
/// <param name="Article">The citation, e.g. "Kieswet art. J 1".</param>
/// <param name="ValidFrom">First day the rule applies, or null when it applies to every date we plan for.</param>
/// <param name="ValidUntil">Last day the rule applies (inclusive), or null when it is still in force.</param>
public sealed record Statute(string Article, LocalDate? ValidFrom = null, LocalDate? ValidUntil = null)
{
    /// <summary>Whether the rule applies on <paramref name="date"/>.</summary>
    public bool AppliesOn(LocalDate date) =>
        (ValidFrom is not { } from || date >= from) && (ValidUntil is not { } until || date <= until);
}
