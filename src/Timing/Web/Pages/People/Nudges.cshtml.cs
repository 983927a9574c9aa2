using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.Web.Pages.People;

/// <summary>A director's view of one person's reminders: pending, sent, failed and the rest, newest first.</summary>
[Authorize(Policy = WebServiceCollectionExtensions.DirectorPolicy)]
public sealed class PersonNudgesModel(TimingDbContext db, Timing.Core.Cycle.CycleRules rules) : PageModel
{
    public Timing.Core.Cycle.CycleRules Rules => rules;

    public Person? Person { get; private set; }

    public IReadOnlyList<Nudge> Nudges { get; private set; } = [];

    public string Counts { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        Person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken);
        if (Person is null)
        {
            return NotFound();
        }
        Nudges = await db.Nudges.AsNoTracking().Where(n => n.PersonId == id && n.State != NudgeStates.Retracted)
            .OrderByDescending(n => n.DueUnixMs).Take(200).ToListAsync(cancellationToken);
        Counts = string.Join(" · ", Nudges.GroupBy(n => n.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{StateName(g.Key)}: {g.Count()}"));
        return Page();
    }

    /// <summary>A director's deliberate resend of a failed or uncertain nudge: back in the queue, same message and Message-ID.</summary>
    public async Task<IActionResult> OnPostResendAsync(int id, [FromForm] long nudgeId, CancellationToken cancellationToken)
    {
        var organisationId = User.OrganisationId();
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId, cancellationToken);
        if (person is null)
        {
            return NotFound();
        }
        await db.Nudges.Where(n => n.Id == nudgeId && n.PersonId == id && (n.State == NudgeStates.Failed || n.State == NudgeStates.Uncertain))
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, NudgeStates.Pending)
                .SetProperty(n => n.Attempts, 0)
                .SetProperty(n => n.NextAttemptUnixMs, 0L)
                .SetProperty(n => n.LastError, (string?)null), cancellationToken);
        return Redirect($"/mensen/{id}");
    }

    public string StateName(string state) => state switch
    {
        NudgeStates.Pending => HttpContext.T("gepland", "pending"),
        NudgeStates.Sent => HttpContext.T("verstuurd", "sent"),
        NudgeStates.Failed => HttpContext.T("mislukt", "failed"),
        NudgeStates.Uncertain => HttpContext.T("onzeker (niet opnieuw verstuurd)", "uncertain (not resent)"),
        _ => HttpContext.T("bezig", "in progress"),
    };
}
