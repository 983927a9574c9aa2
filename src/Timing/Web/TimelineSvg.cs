using System.Globalization;
using System.Net;
using System.Text;
using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// The timeline as a picture: one lane per phase, windows as bars, points as diamonds, estimates as a pale
/// range with the expected day marked, and today as a vertical line. The list beside it carries the same facts.
/// </summary>
public static class TimelineSvg
{
    private const int Width = 960;
    private const int Left = 150;
    private const int Lane = 30;
    private const int Top = 28;

    /// <summary>A small square in a phase's colour, beside the phase's name (decorative: the name carries the meaning).</summary>
    public static string Swatch(string colour) =>
        $"<svg class=\"swatch\" width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"14\" height=\"14\" fill=\"{WebUtility.HtmlEncode(colour)}\"/></svg>";

    public static string Render(Timeline timeline, CycleRules rules, LocalDate today, Language language)
    {
        var phases = rules.Phases.Where(p => timeline.Moments.Any(m => m.Definition.Phase == p.Id)).ToList();
        var height = Top + phases.Count * Lane + 10;
        var start = timeline.Range.Start;
        var days = Period.DaysBetween(start, timeline.Range.End) + 1;
        double X(LocalDate d) => Left + (Width - Left - 10) * Math.Clamp(Period.DaysBetween(start, d), 0, days) / (double)days;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        var label = language == Language.En ? $"Timeline of {timeline.Municipality.Name}" : $"Tijdlijn van {timeline.Municipality.Name}";
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline-svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var year = start.Year + 1; year <= timeline.Range.End.Year; year++)
        {
            var x = X(new LocalDate(year, 1, 1));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"16\" x2=\"{F(x)}\" y2=\"{height}\" stroke=\"#b4b4b4\"/><text x=\"{F(x + 3)}\" y=\"14\" font-size=\"12\" fill=\"#535353\">{year}</text>");
        }
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            // Checked as #rrggbb when the rules are read; encoded here as well, so a colour can never end the attribute.
            var colour = WebUtility.HtmlEncode(phase.Colour);
            var y = Top + i * Lane;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 19}\" font-size=\"13\" fill=\"#1a1a1a\">{WebUtility.HtmlEncode(phase.Name.In(language))}</text>");
            foreach (var m in timeline.Moments.Where(m => m.Definition.Phase == phase.Id))
            {
                var title = WebUtility.HtmlEncode($"{m.Title(language)}: {DateText.Range(m.Start, m.End, language)}");
                if (m.Estimate is { } range)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(range.Start))}\" y=\"{y + 8}\" width=\"{F(Math.Max(2, X(range.End) - X(range.Start)))}\" height=\"10\" fill=\"{colour}\" opacity=\"0.3\"><title>{title}</title></rect>");
                }
                if (m.IsPoint)
                {
                    var x = X(m.Start);
                    svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{F(x)} {y + 5} l7 8 -7 8 -7 -8z\" fill=\"{colour}\"><title>{title}</title></path>");
                }
                else
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(X(m.Start))}\" y=\"{y + 6}\" width=\"{F(Math.Max(3, X(m.End.PlusDays(1)) - X(m.Start)))}\" height=\"14\" fill=\"{colour}\" opacity=\"{(m.Basis == Basis.Estimate ? "0.6" : "0.9")}\"><title>{title}</title></rect>");
                }
            }
        }
        var now = X(today);
        var todayText = language == Language.En ? "today" : "vandaag";
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(now)}\" y1=\"16\" x2=\"{F(now)}\" y2=\"{height}\" stroke=\"#b30000\" stroke-width=\"2\"/><text x=\"{F(now + 3)}\" y=\"26\" font-size=\"12\" fill=\"#b30000\">{todayText}</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }
}
