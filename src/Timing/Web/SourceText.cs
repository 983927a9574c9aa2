using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// What a date rests on, in the page's language. Acts are cited as published ("Kieswet art. J 1", in English too);
/// the Dutch words around a citation, and the stored sources of public facts ("Vergadering / meeting 'Begrotingsraad
/// 2028' (2027-11-04)"), are shown in the reader's language.
/// </summary>
public static class SourceText
{
    private static readonly (string Stored, LocalizedText Shown)[] Prefixes =
    [
        ("Vergaderingen / meetings ", new("Vergaderingen ", "Meetings ")),
        ("Vergadering / meeting ", new("Vergadering ", "Meeting ")),
        ("Gepubliceerd door / published by ", new("Gepubliceerd door ", "Published by ")),
    ];

    /// <summary>The acts the law rules cite; other sources (a council decision an operator typed …) stay as written.</summary>
    private static readonly string[] Acts = ["Kieswet ", "Gemeentewet ", "Grondwet ", "Wet arhi ", "Tijdelijke wet verkiezingen covid-19"];

    /// <summary>The Dutch words in the citations of the law rules, and their English.</summary>
    private static readonly (string Nl, string En)[] Words =
    [
        ("zitting centraal stembureau", "session of the central electoral committee"),
        ("herindeling op de dag van installatie", "merger on the day of installation"),
        ("drie stemdagen", "three voting days"),
        ("hoofdstuk ", "chapter "),
        (" lid ", " paragraph "),
        (" en ", " and "),
        ("tot 2023", "until 2023"),
    ];

    public static string In(string source, Language language)
    {
        foreach (var (stored, shown) in Prefixes)
        {
            if (source.StartsWith(stored, StringComparison.Ordinal))
            {
                return shown.In(language) + source[stored.Length..];
            }
        }
        if (language == Language.En && Acts.Any(a => source.StartsWith(a, StringComparison.Ordinal)))
        {
            foreach (var (nl, en) in Words)
            {
                source = source.Replace(nl, en, StringComparison.Ordinal);
            }
        }
        return source;
    }
}
