using Timing.Core.Elections;

namespace Timing.Core.Cycle;

/// <summary>Whether a law rule dates a moment per election cycle or per calendar year.</summary>
public enum LawScope
{
    Election,
    Year,

    /// <summary>The Provinciale Staten and waterschap elections (years ≡ 3 mod 4): context for local politics.</summary>
    Provincial,
}

/// <summary>
/// The dates a law rule gives, with the article or act they come from. <paramref name="Basis"/> is
/// <see cref="Cycle.Basis.Typical"/> where the law sets the procedure but practice sets the day.
/// </summary>
public sealed record LawDates(DateInterval Dates, string Source, Basis Basis = Basis.Law);

/// <summary>
/// The statutory rules that config/cycle.json may name in <c>"law": "…"</c>. Each maps to the
/// functions in <see cref="Elections"/>; one-off exceptions from config/elections.json win over
/// the rule for the election they name.
/// </summary>
public sealed record LawRule(string Id, LawScope Scope, Func<ElectionCycle, LawDates>? ForCycle, Func<int, LawDates>? ForYear)
{
    public LawDates Compute(ElectionCycle cycle, ElectionCalendar calendar)
    {
        if (ForCycle is null)
        {
            throw new InvalidOperationException($"Law rule '{Id}' dates calendar years, not election cycles.");
        }
        var body = Scope == LawScope.Provincial ? ElectionBody.ProvincialAndWaterBoards : ElectionBody.MunicipalCouncil;
        // A temporary act's exception applies to the regular election it names; a merger sets its own installation.
        if (!cycle.IsNovemberMerger
            && !(cycle.IsMerger && Id == MomentKinds.Installation)
            && calendar.ExceptionFor(body, cycle.Year, Id) is { } exception)
        {
            return new LawDates(exception.Dates, exception.Source, Basis.Law);
        }
        return ForCycle(cycle);
    }

    public LawDates Compute(int year) =>
        ForYear is null ? throw new InvalidOperationException($"Law rule '{Id}' dates election cycles, not years.") : ForYear(year);
}

/// <summary>The registry of law rules by id.</summary>
public static class LawRules
{
    public static readonly IReadOnlyList<LawRule> All =
    [
        Cycle(MomentKinds.Nomination, c => c.IsNovemberMerger
            ? Day(c.NominationDay, MergerElections.ElectionRule)
            : Day(c.NominationDay, Kieswet.NominationRule)),
        Cycle(MomentKinds.Election, c => Day(c.ElectionDay, c.IsNovemberMerger ? MergerElections.ElectionRule : Kieswet.ElectionDayRule)),
        Cycle(MomentKinds.RegistrationDeadline, c => Day(Kieswet.RegistrationDeadline(c.NominationDay), Kieswet.RegistrationRule)),
        Cycle(MomentKinds.SupportDeclarations, c =>
            new LawDates(Kieswet.SupportDeclarations(c.NominationDay), Kieswet.SupportDeclarationRule.Article)),
        Cycle(MomentKinds.Result, c => new LawDates(
            new DateInterval(Kieswet.OfficialResult(c.ElectionDay), Kieswet.OfficialResult(c.ElectionDay)),
            Kieswet.ResultRuleFor(c.ElectionDay).Article, Basis.Typical)),
        Cycle(MomentKinds.ListsFinal, c => Day(Kieswet.ListsFinal(c.NominationDay), Kieswet.ListValidationRule)),
        Cycle(MomentKinds.Installation, c => c.MergerDate is { } merger
            ? Day(MergerElections.Installation(merger), c.IsNovemberMerger ? MergerElections.InstallationRule : MergerElections.SpringMergerRule)
            : Day(CouncilInstallation.After(c.ElectionDay), CouncilInstallation.RuleFor(c.ElectionDay))),
        Provincial(MomentKinds.ProvincialNomination, c => Day(c.NominationDay, Kieswet.NominationRule)),
        Provincial(MomentKinds.ProvincialElection, c => Day(c.ElectionDay, Kieswet.ElectionDayRule)),
        Provincial(MomentKinds.WaterBoardElection, c => Day(c.ElectionDay, Kieswet.ElectionDayRule)),
        Provincial(MomentKinds.ProvincialInstallation, c => Day(CouncilInstallation.After(c.ElectionDay), CouncilInstallation.RuleFor(c.ElectionDay))),
        // No statute fixes these two days; practice does, so they are context, not law.
        Provincial(MomentKinds.ProvincialAgreement, c => new LawDates(
            new DateInterval(CouncilInstallation.After(c.ElectionDay).PlusWeeks(6), CouncilInstallation.After(c.ElectionDay).PlusWeeks(16)),
            "Gebruikelijke praktijk: coalitieakkoord en gedeputeerde staten in de maanden na de installatie", Basis.Typical)),
        Provincial(MomentKinds.SenateElection, c => new LawDates(
            new DateInterval(new LocalDate(c.ElectionDay.Year, 5, 23), new LocalDate(c.ElectionDay.Year, 5, 31)),
            "Gebruikelijke praktijk: eind mei (23 mei 2011, 26 mei 2015, 27 mei 2019, 30 mei 2023)", Basis.Typical)),
        Year(MomentKinds.BudgetDay, y => Day(BudgetLaw.Prinsjesdag(y), BudgetLaw.PrinsjesdagRule)),
        Year(MomentKinds.AnnualAccountsDeadline, y => Day(BudgetLaw.AnnualAccountsDeadline(y), BudgetLaw.AnnualAccountsRule)),
        Year(MomentKinds.BudgetDeadline, y => Day(BudgetLaw.BudgetDeadline(y), BudgetLaw.BudgetRule)),
    ];

    private static readonly Dictionary<string, LawRule> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public static LawRule? Find(string id) => ById.GetValueOrDefault(id);

    private static LawRule Cycle(string id, Func<ElectionCycle, LawDates> compute) => new(id, LawScope.Election, compute, null);

    private static LawRule Provincial(string id, Func<ElectionCycle, LawDates> compute) => new(id, LawScope.Provincial, compute, null);

    private static LawRule Year(string id, Func<int, LawDates> compute) => new(id, LawScope.Year, null, compute);

    private static LawDates Day(LocalDate date, Statute statute) => new(new DateInterval(date, date), statute.Article);
}
