namespace Timing.Core.Cycle;

/// <summary>A user-facing text in Dutch and English.</summary>
public sealed record LocalizedText(string Nl, string En)
{
    public string In(Language language) => language == Language.En ? En : Nl;
}
