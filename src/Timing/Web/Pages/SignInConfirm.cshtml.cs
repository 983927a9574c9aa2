using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timing.Web.SignIn;

namespace Timing.Web.Pages;

public sealed class SignInConfirmModel(MagicLinks links) : PageModel
{
    public string? Token { get; private set; }

    public bool Invalid { get; private set; }

    /// <summary>The page to open after signing in, from the link; null for the overview.</summary>
    public string? Return { get; private set; }

    public void OnGet([FromQuery(Name = "t")] string? t, [FromQuery(Name = PublicLinks.ReturnParameter)] string? back)
    {
        Token = t;
        Return = ReturnPath.Safe(back);
        Invalid = !Secrets.IsWellFormed(t);
    }

    /// <summary>"Aangemeld blijven": the cookie outlives the browser only when the person asks for it.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm(Name = "t")] string? t, [FromForm(Name = "remember")] bool remember,
        [FromForm(Name = PublicLinks.ReturnParameter)] string? back, CancellationToken cancellationToken)
    {
        var person = await links.RedeemAsync(t, cancellationToken);
        if (person is null)
        {
            Invalid = true;
            return Page();
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, person.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, person.Email),
            new Claim(ClaimTypes.Role, person.Role),
            new Claim(Ui.Claims.Organisation, person.OrganisationId.ToString(CultureInfo.InvariantCulture)),
            new Claim(Ui.Claims.Language, Ui.Code(person.Language)),
            new Claim(Sessions.SessionCookieEvents.StampClaim, person.SecurityStamp),
            new Claim(Ui.Claims.Operator, person.IsOperator ? "true" : "false"),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = remember });
        return Redirect(ReturnPath.Safe(back) ?? "/");
    }
}
