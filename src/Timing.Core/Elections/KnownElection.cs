namespace Timing.Core.Elections;

/// <summary>
/// An election of another arena whose date is known (Tweede Kamer, European Parliament).
/// These shift the attention and capacity of local parties, so they are shown as context.
/// </summary>
/// <param name="Body">An id such as "tweede-kamer" or "europees-parlement".</param>
/// <param name="Date">Election day.</param>
/// <param name="NameNl">Dutch name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Expected">For an election whose day is not fixed yet: the period it is expected in; null when fixed.</param>
/// <param name="ResultDeclared">The day the central electoral committee declared the result; for the Tweede Kamer the next regular election follows from it.</param>
public sealed record KnownElection(string Body, LocalDate Date, string NameNl, string NameEn, DateInterval? Expected = null, LocalDate? ResultDeclared = null);
