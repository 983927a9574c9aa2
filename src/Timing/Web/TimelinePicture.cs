using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// The geometry of the timeline picture: one lane per phase, windows as bars, points as diamonds, estimates as
/// a pale range with the expected day marked, and today as a vertical line. The view
/// <c>Pages/Shared/_TimelinePicture.cshtml</c> draws it; the list beside it carries the same facts in words.
/// </summary>
public sealed record TimelinePicture(
    string Label,
    int Width,
    int Height,
    IReadOnlyList<TimelinePicture.YearMark> Years,
    IReadOnlyList<TimelinePicture.PhaseLane> Lanes,
    double Today,
    string TodayText)
{
    private const int PictureWidth = 960;
    private const int Left = 150;
    private const int LaneHeight = 30;
    private const int Top = 28;

    public sealed record YearMark(int Year, double X);

    public sealed record PhaseLane(string Name, string Colour, int Y, IReadOnlyList<Shape> Shapes);

    /// <summary>One mark of a moment: an estimate's range, a point's diamond or a window's bar, with its hover text.</summary>
    public sealed record Shape(ShapeKind Kind, double X, double Width, double Opacity, string Title);

    public enum ShapeKind
    {
        EstimateRange,
        Point,
        Window,
    }

    /// <summary>A coordinate as SVG wants it: invariant, at most one decimal.</summary>
    public static string N(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public static TimelinePicture Of(Timeline timeline, CycleRules rules, LocalDate today, Language language)
    {
        var phases = rules.Phases.Where(p => timeline.Moments.Any(m => m.Definition.Phase == p.Id)).ToList();
        var start = timeline.Range.Start;
        var days = Period.DaysBetween(start, timeline.Range.End) + 1;
        double X(LocalDate d) => Math.Round(Left + (PictureWidth - Left - 10) * Math.Clamp(Period.DaysBetween(start, d), 0, days) / (double)days, 1);

        var years = Enumerable.Range(start.Year + 1, Math.Max(0, timeline.Range.End.Year - start.Year))
            .Select(y => new YearMark(y, X(new LocalDate(y, 1, 1)))).ToList();
        var lanes = phases.Select((phase, i) => new PhaseLane(phase.Name.In(language), phase.Colour, Top + i * LaneHeight,
            timeline.Moments.Where(m => m.Definition.Phase == phase.Id).SelectMany(m => Shapes(m, X, language)).ToList())).ToList();
        var name = timeline.Municipality.Name;
        return new TimelinePicture(new LocalizedText($"Tijdlijn van {name}", $"Timeline of {name}").In(language),
            PictureWidth, Top + phases.Count * LaneHeight + 10, years, lanes, X(today), new LocalizedText("vandaag", "today").In(language));
    }

    private static IEnumerable<Shape> Shapes(Moment m, Func<LocalDate, double> x, Language language)
    {
        var title = $"{m.Title(language)}: {DateText.Range(m.Start, m.End, language)}";
        if (m.Estimate is { } range)
        {
            yield return new Shape(ShapeKind.EstimateRange, x(range.Start), Math.Max(2, x(range.End) - x(range.Start)), 0.3, title);
        }
        yield return m.IsPoint
            ? new Shape(ShapeKind.Point, x(m.Start), 0, 1, title)
            : new Shape(ShapeKind.Window, x(m.Start), Math.Max(3, x(m.End.PlusDays(1)) - x(m.Start)), m.Basis == Basis.Estimate ? 0.6 : 0.9, title);
    }
}
