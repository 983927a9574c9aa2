using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.Web.Pages;

public sealed class SignOutModel(TimingDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>Signing out ends every session of the person, on every device, not only this browser's.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var person = await db.People.FirstOrDefaultAsync(p => p.Id == User.PersonId(), cancellationToken);
            if (person is not null)
            {
                person.EndSessions();
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/SignIn");
    }
}
