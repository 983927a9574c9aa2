namespace Timing.Core.Cycle;

/// <summary>A user-facing text in Dutch and English.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    public string In(Language language) => language == Language.En ? En : Nl;

    /// <summary>A text written once for both languages, for wording that embeds dates or names in the reader's language.</summary>
    public static LocalizedText From(Func<Language, string> text) => new(text(Language.Nl), text(Language.En));

    /// <summary>Two texts one after the other, in each language.</summary>
    public static LocalizedText operator +(LocalizedText first, LocalizedText second) => new(first.Nl + second.Nl, first.En + second.En);
}
