using Timing.Core.Cycle;

namespace Timing.Feeds;

/// <summary>
/// Event titles that a month view can show: Outlook shows about 22 characters of an all-day event, so the
/// first 20 say what happens. A short name of the moment, then ": start"/": einde" on the edges of a window
/// (a word that fits every name, where "begint"/"eindigt" would not agree with a plural such as "Kandidaten"),
/// then "?" for an expected (estimated) date. The full name, the phase and "(verwacht)" are in the description.
/// Short names are words people write ("Meicirculaire", "1e begroting"), not clipped ones ("Meicirc.").
/// </summary>
public static class FeedTitles
{
    /// <summary>How many characters of a title a month view shows for certain.</summary>
    public const int MonthView = 20;

    /// <summary>Marks an expected date: short, and read the same in Dutch and English.</summary>
    public const string ExpectedMark = "?";

    private static readonly Dictionary<string, LocalizedText> Short = new(StringComparer.Ordinal)
    {
        [MomentKinds.PartyPreparation] = new("Partijfase", "Party prep"),
        [MomentKinds.ProgrammeInput] = new("Input progr.", "Prog. input"),
        [MomentKinds.LeadCandidates] = new("Lijsttrekker", "Lead picks"),
        [MomentKinds.ProgrammeAdoption] = new("Programma's", "Programmes"),
        [MomentKinds.CandidateLists] = new("Kandidaten", "Candidates"),
        [MomentKinds.RegistrationDeadline] = new("Registratie partij", "Party name deadline"),
        [MomentKinds.SupportDeclarations] = new("Steunverkl.", "Support decl."),
        [MomentKinds.Nomination] = new("Kandidaatstelling", "Nomination day"),
        [MomentKinds.ListsFinal] = new("Lijsten geldig", "Lists validated"),
        [MomentKinds.Campaign] = new("Campagne", "Campaign"),
        [MomentKinds.Election] = new("Raadsverkiezingen", "Council election"),
        [MomentKinds.Result] = new("Officiële uitslag", "Official result"),
        [MomentKinds.Exploration] = new("Verkenning", "Exploration"),
        [MomentKinds.Installation] = new("Installatie raad", "Council installed"),
        [MomentKinds.CouncillorInduction] = new("Inwerken", "Induction"),
        [MomentKinds.Negotiation] = new("Formatie", "Negotiation"),
        [MomentKinds.CoalitionAgreement] = new("Coalitieakkoord", "Coalition agreement"),
        [MomentKinds.CollegeAppointed] = new("Wethouders benoemd", "Aldermen appointed"),
        [MomentKinds.CollegeProgramme] = new("Collegeplan", "College plan"),
        [MomentKinds.MidtermReview] = new("Tussenbalans", "Midterm"),
        [MomentKinds.AnnualAccounts] = new("Jaarrekening", "Accounts"),
        [MomentKinds.AnnualAccountsDeadline] = new("Laatste dag jaarrek.", "Last day: accounts"),
        [MomentKinds.FrameworkNote] = new("Kadernota", "Framework"),
        [MomentKinds.MayCircular] = new("Meicirculaire", "May circular"),
        [MomentKinds.SummerRecess] = new("Zomerreces", "Summer recess"),
        [MomentKinds.BudgetDay] = new("Prinsjesdag", "Budget Day"),
        [MomentKinds.DraftBudget] = new("Ontwerpbegr.", "Draft budget"),
        [MomentKinds.BudgetDebate] = new("Begroting", "Budget debate"),
        [MomentKinds.BudgetDeadline] = new("Deadline begroting", "Budget deadline"),
        [MomentKinds.DecemberCircular] = new("Circulaire", "Dec circular"),
        [MomentKinds.FrameworkNotePreparation] = new("Kadernotawerk", "Note drafting"),
        [MomentKinds.FirstHundredDays] = new("100 dagen", "100 days"),
        [MomentKinds.FirstBudget] = new("1e begroting", "First budget"),
        [MomentKinds.AldermanLeaving] = new("Wethouder weg", "Alderman leaves"),
        [MomentKinds.CoalitionBreak] = new("Coalitie valt", "Coalition breaks"),
        [MomentKinds.NewMayor] = new("Nieuwe burgemeester", "New mayor"),
        [MomentKinds.SubsidyRound] = new("Subsidies", "Grant round"),
        [MomentKinds.AuditPlan] = new("Rekenkamer", "Audit plan"),
        [MomentKinds.ProvincialNomination] = new("Kandidaten Staten", "Provincial lists"),
        [MomentKinds.ProvincialElection] = new("Statenverkiezingen", "Provincial vote"),
        [MomentKinds.WaterBoardElection] = new("Waterschappen", "Water board vote"),
        [MomentKinds.ProvincialInstallation] = new("Staten geïnstalleerd", "States seated"),
        [MomentKinds.NationalElection] = new("Kamerverkiezingen", "National vote"),
        [MomentKinds.EuropeanElection] = new("Europese verkiezing", "EU election"),
    };

    /// <summary>The short name of a moment; a local event keeps the title its organisation gave it.</summary>
    public static string ShortName(Moment moment, Language language) =>
        Short.TryGetValue(moment.Kind, out var name) ? name.In(language) : moment.Title(language);

    /// <summary>The word after the name on the first and the last day of a long window.</summary>
    public static string EdgeWord(FeedEdge edge, Language language) => (edge, language) switch
    {
        (FeedEdge.Opens, _) => "start",
        (FeedEdge.Closes, Language.En) => "end",
        (FeedEdge.Closes, _) => "einde",
        _ => "",
    };

    /// <summary>What happens, in at most <see cref="MonthView"/> characters for every moment in the rules.</summary>
    public static string WhatHappens(Moment moment, FeedEdge edge, Language language)
    {
        var text = ShortName(moment, language);
        if (edge != FeedEdge.None)
        {
            text += ": " + EdgeWord(edge, language);
        }
        return moment.Basis == Basis.Estimate ? text + ExpectedMark : text;
    }
}

/// <summary>Which part of a moment an event shows: all of it, or the first or last day of a long window.</summary>
public enum FeedEdge
{
    None,
    Opens,
    Closes,
}
