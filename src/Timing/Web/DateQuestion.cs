using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// The question a page asks about an estimate whose expected date has passed with no real date: "is it there yet?",
/// with the date (today by default) and one button. Only a director can answer; others read the question. One question
/// may stand for several municipalities ("Deze week" folds a moment into one line): it names them all and offers an
/// answer for each, as each municipality has its own real date.
/// </summary>
/// <param name="Places">The moment in each municipality the question is about, in the order they are named; never empty.</param>
/// <param name="ReturnTo">The local page to go back to after an answer (the overview); null for the municipality's page.</param>
public sealed record DateQuestion(IReadOnlyList<DateQuestion.Place> Places, LocalDate Today, bool CanAnswer, string? ReturnTo = null)
{
    public DateQuestion(Moment moment, string municipalityName, LocalDate today, bool canAnswer)
        : this([new Place(moment, municipalityName)], today, canAnswer)
    {
    }

    /// <summary>One municipality's moment that awaits its real date.</summary>
    public sealed record Place(Moment Moment, string Name)
    {
        /// <summary>The form's field ids must differ per question on a page that shows several.</summary>
        public string FieldId => $"answer-{Moment.Key.Municipality.Value}-{Moment.Kind}-{Moment.Cycle}";
    }

    /// <summary>The moment the question names: the same kind and dates in every municipality it stands for.</summary>
    public Moment Moment => Places[0].Moment;

    /// <summary>"Amsterdam", "Amsterdam en Utrecht".</summary>
    public string MunicipalityNames(Language language) => Core.Nudges.MomentLines.Names(Places.Select(p => p.Name).ToList(), language);

    public string Text(Language language) =>
        new LocalizedText($"Is ‘{Moment.Title(Language.Nl)}’ er al?", $"Has ‘{Moment.Title(Language.En)}’ happened yet?").In(language);

    /// <summary>The form's field ids must differ per question on a page that shows several.</summary>
    public string FieldId => Places[0].FieldId;
}
