namespace Timing.Core.Cycle;

/// <summary>One moment kind as configured in config/cycle.json.</summary>
public sealed record MomentDefinition(
    string Kind,
    string Phase,
    LocalizedText Name,
    LocalizedText Advice,
    IReadOnlyList<string> Audiences,
    Derivation Derivation,
    Derivation? MergerDerivation,
    IReadOnlyList<NudgeLead> Nudges,
    IReadOnlyDictionary<TermYear, LocalizedText>? AdviceByTermYear = null,
    LocalizedText? Action = null,
    LocalizedText? Bring = null,
    IReadOnlyDictionary<TermYear, LocalizedText>? BringByTermYear = null,
    int? BudgetYearOffset = null,
    LocalizedText? ShortName = null)
{
    /// <summary>The placeholder in a name that becomes the budget year the document concerns ("Kadernota {year}").</summary>
    public const string YearPlaceholder = "{year}";

    /// <summary>The advice for a moment in <paramref name="year"/> of the term: the variant for that year when config has one.</summary>
    public LocalizedText AdviceFor(TermYear? year) => Variant(AdviceByTermYear, year) ?? Advice;

    /// <summary>What to take along at a moment in <paramref name="year"/> of the term; null where nothing fits.</summary>
    public LocalizedText? BringFor(TermYear? year) => Variant(BringByTermYear, year) ?? Bring;

    /// <summary>
    /// The year a planning-and-control document is named by: the budget year it concerns, not the year it is debated
    /// (in 2027 the council debates the Jaarstukken 2026, the Kadernota 2028 and the Programmabegroting 2028).
    /// </summary>
    public int? BudgetYear(int calendarYear) => BudgetYearOffset is { } offset ? calendarYear + offset : null;

    /// <summary>The name of the moment in <paramref name="calendarYear"/>, with the budget year filled in.</summary>
    public string NameIn(int calendarYear, Language language)
    {
        var name = Name.In(language);
        return BudgetYear(calendarYear) is { } year
            ? name.Replace(YearPlaceholder, year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : name;
    }

    /// <summary>The name without a year, for lists of kinds ("Kadernota").</summary>
    public string GenericName(Language language) =>
        Name.In(language).Replace(" " + YearPlaceholder, "", StringComparison.Ordinal).Replace(YearPlaceholder, "", StringComparison.Ordinal);

    /// <summary>
    /// The name with the year a stored subject carries (the calendar year): "Kadernota 2028" for the kadernota of
    /// 2027, "Tussenbalans 2026" for a moment that is not named by a budget year. Unparsable years give the plain name.
    /// </summary>
    public string NameWithYear(string calendarYear, Language language) =>
        int.TryParse(calendarYear, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            ? BudgetYearOffset is null ? $"{Name.In(language)} {year}" : NameIn(year, language)
            : GenericName(language);

    /// <summary>
    /// The name in a list of dates that also shows the calendar year: "Kadernota 2028" for the kadernota of 2027 (its
    /// document's own name), "Coalitieakkoord (2030)" for a moment that is not named by a budget year.
    /// </summary>
    public string NameForCycle(int cycle, Language language) =>
        BudgetYearOffset is null ? $"{GenericName(language)} ({cycle.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : NameIn(cycle, language);

    private static LocalizedText? Variant(IReadOnlyDictionary<TermYear, LocalizedText>? variants, TermYear? year) =>
        year is { } y && variants is not null && variants.TryGetValue(y, out var variant) ? variant : null;

    /// <summary>Whether the moment recurs every calendar year rather than once per election cycle.</summary>
    public bool IsYearly => Derivation switch
    {
        YearlyDerivation => true,
        LawDerivation law => LawRules.Find(law.Rule)?.Scope == LawScope.Year,
        _ => false,
    };

    /// <summary>Whether the moment belongs to another arena: dated per provincial election or from the election calendar.</summary>
    public bool IsArena => Derivation switch
    {
        CalendarDerivation => true,
        LawDerivation law => LawRules.Find(law.Rule)?.Scope == LawScope.Provincial,
        _ => false,
    };

    /// <summary>Whether the moment has no default date and appears only as an event a director entered.</summary>
    public bool IsEntered => Derivation is EnteredDerivation;

    /// <summary>The derivation for a cycle: the merger form in a merger cycle when one is configured.</summary>
    public Derivation For(bool mergerCycle) => mergerCycle && MergerDerivation is not null ? MergerDerivation : Derivation;
}
