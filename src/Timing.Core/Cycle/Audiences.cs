namespace Timing.Core.Cycle;

/// <summary>The groups a user can approach at a moment. Ids are stable; names live in config.</summary>
public static class Audiences
{
    public const string Parties = "parties";
    public const string Candidates = "candidates";
    public const string Councillors = "councillors";
    public const string Negotiators = "negotiators";
    public const string College = "college";
    public const string CivilServants = "civil-servants";
    public const string Finance = "finance";

    /// <summary>Allies in the field: other organisations, housing corporations, care providers, police; a joint pitch weighs more.</summary>
    public const string Partners = "partners";

    public static readonly IReadOnlyList<string> All =
        [Parties, Candidates, Councillors, Negotiators, College, CivilServants, Finance, Partners];

    public static bool IsKnown(string audience) => All.Contains(audience, StringComparer.Ordinal);

    private static readonly Dictionary<string, LocalizedText> Names = new(StringComparer.Ordinal)
    {
        [Parties] = new("partijen", "parties"),
        [Candidates] = new("kandidaten", "candidates"),
        [Councillors] = new("raadsleden", "councillors"),
        [Negotiators] = new("onderhandelaars", "negotiators"),
        [College] = new("college", "executive board"),
        [CivilServants] = new("ambtenaren", "civil servants"),
        [Finance] = new("financieel adviseur of controller", "finance adviser or controller"),
        [Partners] = new("partners in het veld", "partners in the field"),
    };

    /// <summary>The audience as users read it, e.g. "raadsleden" / "councillors".</summary>
    public static string Name(string audience, Language language) =>
        Names.TryGetValue(audience, out var name) ? name.In(language) : audience;
}
