namespace Timing.Core.Cycle;

/// <summary>
/// The canonical moment ids. They appear in config, JSON output, feed categories and storage,
/// so they never change once published.
/// </summary>
public static class MomentKinds
{
    public const string PartyPreparation = "party-preparation";
    public const string ProgrammeInput = "programme-input";
    public const string LeadCandidates = "lead-candidates";
    public const string ProgrammeAdoption = "programme-adoption";
    public const string CandidateLists = "candidate-lists";
    public const string RegistrationDeadline = "registration-deadline";
    public const string SupportDeclarations = "support-declarations";
    public const string Nomination = "nomination";
    public const string ListsFinal = "lists-final";
    public const string Campaign = "campaign";
    public const string Election = "election";
    public const string Result = "result";
    public const string Exploration = "exploration";
    public const string Installation = "installation";
    public const string CouncillorInduction = "councillor-induction";
    public const string Negotiation = "negotiation";
    public const string CoalitionAgreement = "coalition-agreement";
    public const string CollegeAppointed = "college-appointed";
    public const string CollegeProgramme = "college-programme";
    public const string MidtermReview = "midterm-review";
    public const string AnnualAccounts = "annual-accounts";
    public const string AnnualAccountsDeadline = "annual-accounts-deadline";
    public const string FrameworkNote = "framework-note";
    public const string MayCircular = "may-circular";
    public const string SummerRecess = "summer-recess";
    public const string BudgetDay = "budget-day";
    public const string DraftBudget = "draft-budget";
    public const string BudgetDebate = "budget-debate";
    public const string BudgetDeadline = "budget-deadline";
    public const string DecemberCircular = "december-circular";
    public const string AutumnReport = "autumn-report";

    // The steps before the council's kadernota vote: a real date of the vote moves them along.
    public const string FrameworkNoteCollege = "framework-note-college";
    public const string FrameworkNotePublication = "framework-note-publication";
    public const string FrameworkNoteCommittee = "framework-note-committee";

    // The subsidy calendar of a municipality: defaults a director replaces with the municipality's own dates.
    public const string SubsidyApplication = "subsidy-application";
    public const string SubsidyCeiling = "subsidy-ceiling";
    public const string SubsidyDecision = "subsidy-decision";
    public const string SubsidySettlement = "subsidy-settlement";

    public const string FrameworkNotePreparation = "framework-note-preparation";
    public const string FirstHundredDays = "first-hundred-days";
    public const string FirstBudget = "first-budget";
    public const string Spokespersons = "spokespersons";

    // Dated by a director for one municipality (no default date): events that call for a new introduction.
    public const string AldermanLeaving = "alderman-leaving";
    public const string CoalitionBreak = "coalition-break";
    public const string NewMayor = "new-mayor";
    public const string SubsidyRound = "subsidy-round";
    public const string AuditPlan = "audit-plan";
    public const string BudgetAmendment = "budget-amendment";
    public const string SpokespersonChange = "spokesperson-change";

    // Other arenas, shown as context: they take party capacity and attention from local politics.
    public const string ProvincialNomination = "provincial-nomination";
    public const string ProvincialElection = "provincial-election";
    public const string WaterBoardElection = "water-board-election";
    public const string ProvincialInstallation = "provincial-installation";
    public const string NationalElection = "national-election";
    public const string EuropeanElection = "european-election";
    public const string ProvincialAgreement = "provincial-agreement";
    public const string SenateElection = "senate-election";

    /// <summary>An event a municipality's user entered themselves (a coalition crisis, a hearing).</summary>
    public const string LocalEvent = "local-event";

    /// <summary>Every kind the cycle configuration must define, in cycle order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PartyPreparation, ProgrammeInput, LeadCandidates, ProgrammeAdoption, CandidateLists,
        RegistrationDeadline, SupportDeclarations, Nomination, ListsFinal, Campaign, Election, Result,
        Exploration, Installation, CouncillorInduction, Negotiation, CoalitionAgreement, CollegeAppointed,
        CollegeProgramme, MidtermReview, AnnualAccounts, AnnualAccountsDeadline, FrameworkNote, MayCircular,
        SummerRecess, BudgetDay, DraftBudget, BudgetDebate, BudgetDeadline, DecemberCircular, AutumnReport,
        FrameworkNotePreparation, FrameworkNoteCollege, FrameworkNotePublication, FrameworkNoteCommittee,
        SubsidyApplication, SubsidyCeiling, SubsidyDecision, SubsidySettlement,
        FirstHundredDays, FirstBudget, Spokespersons,
        AldermanLeaving, CoalitionBreak, NewMayor, SubsidyRound, AuditPlan, BudgetAmendment, SpokespersonChange,
        ProvincialNomination, ProvincialElection, WaterBoardElection, ProvincialInstallation, ProvincialAgreement, SenateElection,
        NationalElection, EuropeanElection,
    ];

    /// <summary>The kinds of other arenas (provinces, water boards, national and European elections).</summary>
    public static readonly IReadOnlyList<string> OtherArenas =
        [ProvincialNomination, ProvincialElection, WaterBoardElection, ProvincialInstallation, ProvincialAgreement, SenateElection, NationalElection, EuropeanElection];

    private static readonly HashSet<string> Arena = new(OtherArenas, StringComparer.Ordinal);

    /// <summary>Kinds that only appear when a director enters a dated event of that kind for a municipality.</summary>
    /// <summary>Statutory last days: when one falls in a weekend the plan names the working day before it.</summary>
    public static readonly IReadOnlyList<string> Deadlines = [AnnualAccountsDeadline, BudgetDeadline];

    public static readonly IReadOnlyList<string> Entered = [AldermanLeaving, CoalitionBreak, NewMayor, SubsidyRound, AuditPlan, BudgetAmendment, SpokespersonChange];

    /// <summary>Whether a director may enter a dated event of <paramref name="kind"/>: one of <see cref="Entered"/> or a free local event.</summary>
    public static bool IsEntered(string kind) => kind == LocalEvent || Entered.Contains(kind, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="kind"/> belongs to another arena than the municipality's own cycle.</summary>
    public static bool IsOtherArena(string kind) => Arena.Contains(kind);

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="kind"/> is one of the canonical ids in <see cref="All"/>.</summary>
    public static bool IsKnown(string kind) => Known.Contains(kind);
}
