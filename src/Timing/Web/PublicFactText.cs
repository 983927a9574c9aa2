using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>A public fact in the reader's language; its source goes through <see cref="SourceText"/>.</summary>
public static class PublicFactText
{
    /// <summary>A fact's days: "4 november 2027" or "4 november 2027 t/m 5 november 2027".</summary>
    public static string Days(LocalDate start, LocalDate end, Language language) =>
        DateText.Range(start, end, language);
}
