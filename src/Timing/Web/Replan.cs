using Timing.Worker;

namespace Timing.Web;

/// <summary>What a change meant for the organisation's e-mail reminders, in words for a confirmation.</summary>
public static class Replan
{
    /// <summary>" 3 herinneringen opnieuw gepland, 1 ingetrokken." — with a leading space; empty when nothing is known.</summary>
    public static string Text(HttpContext http, NudgeOutbox.Result? result)
    {
        if (result is null)
        {
            return " " + http.T("De herinneringen worden zo dadelijk opnieuw gepland.", "The reminders will be re-planned shortly.");
        }
        if (result.Added == 0 && result.Retracted == 0)
        {
            return " " + http.T("Geen herinneringen veranderd.", "No reminders changed.");
        }
        var added = http.T($"{result.Added} {(result.Added == 1 ? "herinnering" : "herinneringen")} opnieuw gepland", $"{result.Added} {(result.Added == 1 ? "reminder" : "reminders")} re-planned");
        var retracted = http.T($"{result.Retracted} ingetrokken", $"{result.Retracted} withdrawn");
        return " " + (result.Retracted == 0 ? added : result.Added == 0 ? http.T($"{result.Retracted} {(result.Retracted == 1 ? "herinnering" : "herinneringen")} ingetrokken", $"{result.Retracted} {(result.Retracted == 1 ? "reminder" : "reminders")} withdrawn") : $"{added}, {retracted}") + ".";
    }
}
