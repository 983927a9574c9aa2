using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Timing.Web.Sessions;

/// <summary>
/// Re-checks every signed-in request against the database: a cookie whose person is gone, or whose
/// stamp is no longer the person's, is refused and removed, and the request continues as anonymous
/// (pages then send it to the sign-in page).
/// </summary>
public sealed class SessionCookieEvents(SessionStamps stamps) : CookieAuthenticationEvents
{
    public const string StampClaim = "timing:stamp";

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(StampClaim);
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(stamp) || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var personId)
            || await stamps.CurrentAsync(personId, context.HttpContext.RequestAborted) != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    // The handler builds an absolute address from the request's Host header, which anyone can set: a relative
    // redirect goes to the same site whatever the Host said.
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) => base.RedirectToLogin(Relative(context));

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) => base.RedirectToAccessDenied(Relative(context));

    private static RedirectContext<CookieAuthenticationOptions> Relative(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute))
        {
            context.RedirectUri = absolute.PathAndQuery;
        }
        return context;
    }
}
