using Timing.Core.Cycle;

namespace Timing.Feeds;

/// <summary>
/// Event titles that a month view can show: Outlook shows about 22 characters of an all-day event, so the
/// first 20 say what happens. A short name of the moment, then ": start"/": einde" on the edges of a window
/// (a word that fits every name, where "begint"/"eindigt" would not agree with a plural such as "Kandidaten"),
/// then "?" for an expected (estimated) date. The full name, the phase and "(verwacht)" are in the description.
/// Short names are words people write ("Meicirculaire", "1e begroting"), not clipped ones ("Meicirc.").
/// Planning-and-control documents keep their budget year, as councils name them ("Kadernota 2028" in June 2027):
/// where the four digits do not fit with the edge word, the year is written as people abbreviate it ("Kadernota '28").
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
        [MomentKinds.AnnualAccounts] = new("Jaarrek. {year}", "Accounts {year}"),
        [MomentKinds.AnnualAccountsDeadline] = new("Jaarrek. {year} aan GS", "Accounts {year} due"),
        [MomentKinds.FrameworkNote] = new("Kadernota {year}", "Framework {year}"),
        [MomentKinds.MayCircular] = new("Meicirculaire", "May circular"),
        [MomentKinds.SummerRecess] = new("Zomerreces", "Summer recess"),
        [MomentKinds.BudgetDay] = new("Prinsjesdag", "Budget Day"),
        [MomentKinds.DraftBudget] = new("Ontwerp {year}", "Draft {year}"),
        [MomentKinds.BudgetDebate] = new("Begroting {year}", "Budget {year}"),
        [MomentKinds.BudgetDeadline] = new("Begroting {year} aan GS", "Budget {year} due"),
        [MomentKinds.DecemberCircular] = new("Circulaire", "Dec circular"),
        // The calendar year is the budget year here, and "Najaarsnota 2027: start" would not fit.
        [MomentKinds.AutumnReport] = new("Najaarsnota", "Autumn report"),
        [MomentKinds.FrameworkNotePreparation] = new("Voorwerk {year}", "Note prep {year}"),
        [MomentKinds.FrameworkNoteCollege] = new("Kadernota {year} B&W", "Note {year} adopted"),
        [MomentKinds.FrameworkNotePublication] = new("Kadernota {year} uit", "Note {year} out"),
        [MomentKinds.FrameworkNoteCommittee] = new("Cie kadernota {year}", "Note committee {year}"),
        [MomentKinds.SubsidyApplication] = new("Subsidieaanvraag {year}", "Grant request {year}"),
        [MomentKinds.SubsidyCeiling] = new("Subsidieplafond {year}", "Grant ceiling {year}"),
        [MomentKinds.SubsidyDecision] = new("Beschikking {year}", "Grant decision {year}"),
        [MomentKinds.SubsidySettlement] = new("Verantwoording {year}", "Grant report {year}"),
        [MomentKinds.FirstHundredDays] = new("100 dagen", "100 days"),
        [MomentKinds.FirstBudget] = new("1e begroting", "First budget"),
        [MomentKinds.Spokespersons] = new("Woordvoerders", "Spokespeople"),
        [MomentKinds.AldermanLeaving] = new("Wethouder weg", "Alderman leaves"),
        [MomentKinds.CoalitionBreak] = new("Coalitie valt", "Coalition breaks"),
        [MomentKinds.NewMayor] = new("Nieuwe burgemeester", "New mayor"),
        [MomentKinds.SubsidyRound] = new("Subsidies", "Grant round"),
        [MomentKinds.AuditPlan] = new("Rekenkamer", "Audit plan"),
        [MomentKinds.BudgetAmendment] = new("Begrotingswijziging", "Budget amendment"),
        [MomentKinds.SpokespersonChange] = new("Nieuwe woordvoerder", "New spokesperson"),
        [MomentKinds.ProvincialNomination] = new("Kandidaten Staten", "Provincial lists"),
        [MomentKinds.ProvincialElection] = new("Statenverkiezingen", "Provincial vote"),
        [MomentKinds.WaterBoardElection] = new("Waterschappen", "Water board vote"),
        [MomentKinds.ProvincialInstallation] = new("Staten geïnstalleerd", "States seated"),
        [MomentKinds.ProvincialAgreement] = new("Prov. akkoord", "Province deal"),
        [MomentKinds.SenateElection] = new("Eerste Kamer", "Senate election"),
        [MomentKinds.NationalElection] = new("Kamerverkiezingen", "National vote"),
        [MomentKinds.EuropeanElection] = new("Europese verkiezing", "EU election"),
    };

    /// <summary>The short name of a moment, with a budget year in full; a local event keeps the title its organisation gave it.</summary>
    public static string ShortName(Moment moment, Language language) => ShortName(moment, language, abbreviateYear: false);

    private static string ShortName(Moment moment, Language language, bool abbreviateYear)
    {
        if (!Short.TryGetValue(moment.Kind, out var name))
        {
            return moment.Title(language);
        }
        var text = name.In(language);
        if (moment.Definition.BudgetYear(moment.Cycle) is not { } year)
        {
            return text.Replace(" " + MomentDefinition.YearPlaceholder, "", StringComparison.Ordinal);
        }
        var written = abbreviateYear
            ? "'" + (year % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text.Replace(MomentDefinition.YearPlaceholder, written, StringComparison.Ordinal);
    }

    /// <summary>The word after the name on the first and the last day of a long window.</summary>
    public static string EdgeWord(FeedEdge edge, Language language) => (edge, language) switch
    {
        (FeedEdge.Opens, _) => "start",
        (FeedEdge.Closes, Language.En) => "end",
        (FeedEdge.Closes, _) => "einde",
        _ => "",
    };

    /// <summary>
    /// What happens, in at most <see cref="MonthView"/> characters for every moment in the rules. Both edges of a
    /// window write the year the same way, so its first and last day read as one pair.
    /// </summary>
    public static string WhatHappens(Moment moment, FeedEdge edge, Language language)
    {
        var edges = edge == FeedEdge.None ? [FeedEdge.None] : new[] { FeedEdge.Opens, FeedEdge.Closes };
        var abbreviate = edges.Any(e => Compose(ShortName(moment, language, abbreviateYear: false), moment, e, language).Length > MonthView);
        return Compose(ShortName(moment, language, abbreviate), moment, edge, language);
    }

    private static string Compose(string name, Moment moment, FeedEdge edge, Language language)
    {
        var text = name;
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
