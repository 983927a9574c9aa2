using System.Reflection;

namespace Timing.Core.Cycle;

/// <summary>
/// The moment kinds that code names: law rules, order checks and deadlines. Every kind, with its names and advice, is
/// defined in config/cycle.json; these ids must be among them, and never change once published (they appear in feeds,
/// JSON output and storage).
/// </summary>
public static class MomentKinds
{
    public const string RegistrationDeadline = "registration-deadline";
    public const string SupportDeclarations = "support-declarations";
    public const string Nomination = "nomination";
    public const string ListsFinal = "lists-final";
    public const string Election = "election";
    public const string Result = "result";
    public const string Installation = "installation";
    public const string CoalitionAgreement = "coalition-agreement";
    public const string CollegeAppointed = "college-appointed";
    public const string CollegeProgramme = "college-programme";
    public const string AnnualAccountsDeadline = "annual-accounts-deadline";
    public const string FrameworkNote = "framework-note";
    public const string BudgetDay = "budget-day";
    public const string BudgetDebate = "budget-debate";
    public const string BudgetDeadline = "budget-deadline";
    public const string FirstBudget = "first-budget";
    public const string AldermanLeaving = "alderman-leaving";
    public const string CoalitionBreak = "coalition-break";
    public const string ProvincialNomination = "provincial-nomination";
    public const string ProvincialElection = "provincial-election";
    public const string WaterBoardElection = "water-board-election";
    public const string ProvincialInstallation = "provincial-installation";
    public const string ProvincialAgreement = "provincial-agreement";
    public const string SenateElection = "senate-election";

    /// <summary>An event a municipality's user entered themselves (a coalition crisis, a hearing); not in the rule file.</summary>
    public const string LocalEvent = "local-event";

    /// <summary>Statutory last days: when one falls in a weekend the plan names the working day before it.</summary>
    public static readonly IReadOnlyList<string> Deadlines = [AnnualAccountsDeadline, BudgetDeadline];

    /// <summary>Every kind named above except <see cref="LocalEvent"/>: the rule file must define each of them.</summary>
    public static IReadOnlyList<string> Named { get; } = typeof(MomentKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Where(k => k != LocalEvent).ToArray();
}
