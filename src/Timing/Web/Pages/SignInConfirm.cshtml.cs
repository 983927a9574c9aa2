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

    public void OnGet([FromQuery(Name = "t")] string? t)
    {
        Token = t;
        Invalid = !Secrets.IsWellFormed(t);
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "t")] string? t, CancellationToken cancellationToken)
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
            new Claim(Ui.Claims.Language, person.Language),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Redirect("/");
    }
}
