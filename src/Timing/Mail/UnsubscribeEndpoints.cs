using Microsoft.EntityFrameworkCore;
using Timing.Core.Nudges;
using Timing.Storage;

namespace Timing.Mail;

/// <summary>
/// POST /afmelden-nudges/{token}: stops nudges and digests for the person the token was made for; with
/// ?alleen=overzicht (the digest's own link) only the weekly digest. Mail programs
/// call it directly (RFC 8058 one-click, body "List-Unsubscribe=One-Click"); the page at the same address
/// offers the same as a button. It needs no sign-in: the signed token is the proof.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapPost("/afmelden-nudges/{token}", async (string token, HttpContext http, Unsubscribe unsubscribe, TimingDbContext db, IClock clock) =>
        {
            var personId = await unsubscribe.ReadAsync(token, http.RequestAborted);
            if (personId is null)
            {
                return Results.NotFound(); // the site's own 404 page, in the reader's language
            }
            var digestOnly = http.Request.Query[Web.PublicLinks.DigestOnlyParameter] == Web.PublicLinks.DigestOnlyValue;
            // Compare-and-set, retried: two unsubscribes at once (the digest's and a reminder's) both take effect.
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, http.RequestAborted);
                if (person is null)
                {
                    break; // removed since the mail was sent: nothing left to stop
                }
                var mode = digestOnly
                    ? person.NudgeMode switch { NudgeMode.Both => NudgeMode.Each, NudgeMode.Digest => NudgeMode.None, var same => same }
                    : NudgeMode.None;
                // The mode before is kept so that the person, and only the person, can undo this on "Mijn agenda-feed".
                var before = person.ModeBeforeUnsubscribe ?? person.NudgeMode;
                if (mode == person.NudgeMode || await db.People.Where(p => p.Id == personId && p.NudgeMode == person.NudgeMode)
                        .ExecuteUpdateAsync(s => s.SetProperty(p => p.NudgeMode, mode).SetProperty(p => p.ModeBeforeUnsubscribe, (NudgeMode?)before), http.RequestAborted) == 1)
                {
                    break;
                }
            }
            if (!digestOnly && await db.People.Where(p => p.Id == personId).Select(p => p.Email).FirstOrDefaultAsync(http.RequestAborted) is { } email)
            {
                // Kept per address: removing the person, or another organisation adding the address, mails nothing.
                await People.Consent.OptOutAsync(db, email, clock.GetCurrentInstant(), http.RequestAborted);
            }
            await db.Nudges.Where(n => n.PersonId == personId && n.State == NudgeStates.Pending && (!digestOnly || n.Kind == NudgeKinds.Digest))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NudgeStates.Retracted), http.RequestAborted);
            return http.Request.HasFormContentType && http.Request.Form.ContainsKey("List-Unsubscribe")
                ? Results.Ok()
                : Results.Redirect($"/afmelden-nudges/{token}?klaar={(digestOnly ? Web.PublicLinks.DigestOnlyValue : "1")}");
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }
}
