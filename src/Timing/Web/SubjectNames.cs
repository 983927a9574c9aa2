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
        var en = language == Language.En;
        switch (subject)
        {
            case "merger-date": return en ? "Merger date" : "Datum herindeling";
            case "school-region": return en ? "School holiday region" : "Regio schoolvakanties";
            case MomentKinds.LocalEvent: return en ? "Event added" : "Gebeurtenis toegevoegd";
        }
        var parts = subject.Split('/');
        return parts.Length == 2 && rules.Find(parts[0]) is { } moment
            ? moment.NameWithYear(parts[1], language)
            : subject;
    }

    /// <summary>An outbox subject and lead: "Begrotingsbehandeling 2027, 7 dagen voor het einde"; a digest says so.</summary>
    public static string Nudge(string subject, string leadId, CycleRules rules, Language language)
    {
        var parts = subject.Split('/');
        if (parts.Length < 3)
        {
            return (language == Language.En ? "Weekly overview " : "Weekoverzicht ") + subject;
        }
        var text = rules.Find(parts[1])?.NameWithYear(parts[2], language) ?? $"{(language == Language.En ? "Event" : "Gebeurtenis")} {parts[2]}";
        var dash = leadId.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && PeriodPattern.NormalizingIso.Parse(leadId[(dash + 1)..]) is { Success: true } period)
        {
            var lead = new NudgeLead(leadId[..dash] == "end" ? MomentEdge.End : MomentEdge.Start, period.Value);
            text += ", " + lead.Text.In(language);
        }
        return text.ToString(CultureInfo.InvariantCulture);
    }
}
