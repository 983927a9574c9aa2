using System.Text;
using Timing.Core.Cycle;

namespace Timing.Cli;

/// <summary>The human form of a timeline: aligned columns with readable dates in the chosen language.</summary>
public static class TimelineTable
{
    public static string Render(Timeline timeline, Language language)
    {
        var rows = new List<string[]> { PlanTexts.Headers.Select(h => h.In(language)).ToArray() };
        foreach (var moment in timeline.Moments)
        {
            rows.Add(
            [
                DateText.Short(moment.Start, language),
                moment.IsPoint ? "" : DateText.Short(moment.End, language),
                moment.Title(language),
                BasisText(moment, language),
            ]);
        }
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        var municipality = timeline.Municipality;
        text.Append(PlanTexts.Municipality.In(language)).Append(municipality.Name);
        if (municipality.Name != municipality.Code.Value)
        {
            text.Append(" (").Append(municipality.Code.Value).Append(')');
        }
        text.Append(" · ").AppendLine(DateText.Range(timeline.Range.Start, timeline.Range.End, language));
        text.AppendLine();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
            if (index == 0)
            {
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
        if (timeline.Moments.Count == 0)
        {
            text.AppendLine(PlanTexts.NoMoments.In(language));
        }
        return text.ToString();
    }

    public static string BasisText(Moment moment, Language language)
    {
        var word = (moment.Basis switch
        {
            Basis.Law => PlanTexts.Law,
            Basis.Typical => PlanTexts.Typical,
            Basis.Estimate => PlanTexts.Estimate,
            Basis.Actual => PlanTexts.Actual,
            _ => PlanTexts.Local,
        }).In(language);
        if (moment.Basis == Basis.Local && moment.Source is { } source)
        {
            return $"{word}: {source}";
        }
        return moment.Estimate is { } range
            ? $"{word} ({DateText.Short(range.Start, language)} – {DateText.Short(range.End, language)})"
            : word;
    }
}
