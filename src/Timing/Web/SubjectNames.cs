using System.Globalization;
using NodaTime.Text;
using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// Turns the stored subjects of the audit trail and the outbox ("GM0344/budget-debate/2027", "end-P7D",
/// "merger-date") into the names directors read: they never see an internal key.
/// </summary>
public static class SubjectNames
{
    /// <summary>An audit subject: a setting's name, or a moment's name with its year.</summary>
    public static string Change(string subject, CycleRules rules, Language language)
    {
        var parts = subject.Split('/');
        return subject switch
        {
            "merger-date" => MergerDate.In(language),
            "school-region" => SchoolRegion.In(language),
            MomentKinds.LocalEvent => EventAdded.In(language),
            _ when parts.Length == 2 && rules.Find(parts[0]) is { } moment => moment.NameWithYear(parts[1], language),
            _ => subject,
        };
    }

    /// <summary>An outbox subject and lead: "Begrotingsbehandeling 2027, 7 dagen voor het einde"; a digest says so.</summary>
    public static string Nudge(string subject, string leadId, CycleRules rules, Language language)
    {
        var parts = subject.Split('/');
        if (parts.Length < 3)
        {
            return $"{WeeklyOverview.In(language)} {subject}";
        }
        var text = rules.Find(parts[1])?.NameWithYear(parts[2], language) ?? $"{Event.In(language)} {parts[2]}";
        var dash = leadId.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && PeriodPattern.NormalizingIso.Parse(leadId[(dash + 1)..]) is { Success: true } period)
        {
            var lead = new NudgeLead(leadId[..dash] == "end" ? MomentEdge.End : MomentEdge.Start, period.Value);
            text += ", " + lead.Text.In(language);
        }
        return text.ToString(CultureInfo.InvariantCulture);
    }

    private static readonly LocalizedText MergerDate = new("Datum herindeling", "Merger date");
    private static readonly LocalizedText SchoolRegion = new("Regio schoolvakanties", "School holiday region");
    private static readonly LocalizedText EventAdded = new("Gebeurtenis toegevoegd", "Event added");
    private static readonly LocalizedText WeeklyOverview = new("Weekoverzicht", "Weekly overview");
    private static readonly LocalizedText Event = new("Gebeurtenis", "Event");
}
