using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// The question a page asks about an estimate whose expected date has passed with no real date: "is it there yet?",
/// with the date (today by default) and one button. Only a director can answer; others read the question.
/// </summary>
public sealed record DateQuestion(Moment Moment, string MunicipalityName, LocalDate Today, bool CanAnswer)
{
    public string Text(Language language) =>
        new LocalizedText($"Is ‘{Moment.Title(Language.Nl)}’ er al?", $"Has ‘{Moment.Title(Language.En)}’ happened yet?").In(language);

    /// <summary>The form's field ids must differ per question on a page that shows several.</summary>
    public string FieldId => $"answer-{Moment.Key.Municipality.Value}-{Moment.Kind}-{Moment.Cycle}";
}
