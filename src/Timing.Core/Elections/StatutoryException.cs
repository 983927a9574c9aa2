namespace Timing.Core.Elections;

/// <summary>
/// A one-off deviation from a statutory rule for one election, set by a temporary act
/// (for example the installation on 30 March 2022 under the covid-19 elections act).
/// </summary>
/// <param name="Body">The election body the exception applies to.</param>
/// <param name="Year">The election year.</param>
/// <param name="Kind">The moment kind whose date deviates, e.g. "installation".</param>
/// <param name="Dates">The dates that apply instead of the rule (a single day for a point moment).</param>
/// <param name="Source">The act that sets the exception.</param>
public sealed record StatutoryException(ElectionBody Body, int Year, string Kind, DateInterval Dates, string Source);
