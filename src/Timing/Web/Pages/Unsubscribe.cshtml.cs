using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Timing.Web.Pages;

/// <summary>The page behind an unsubscribe link; it speaks the recipient's language, whatever browser opens it.</summary>
public sealed class UnsubscribeModel(Timing.Mail.Unsubscribe tokens, Storage.TimingDbContext db) : PageModel
{
    public string Token { get; private set; } = "";

    /// <summary>"1" after stopping everything, "overzicht" after stopping the weekly digest; null before.</summary>
    public string? Done { get; private set; }

    /// <summary>Came from a weekly digest: the page offers stopping the digest alone first.</summary>
    public bool DigestOnly { get; private set; }

    public async Task OnGetAsync(string token, [FromQuery(Name = "klaar")] string? done, [FromQuery(Name = PublicLinks.DigestOnlyParameter)] string? only, CancellationToken cancellationToken)
    {
        if (await tokens.ReadAsync(token, cancellationToken) is { } id
            && await db.People.Where(p => p.Id == id).Select(p => (Core.Cycle.Language?)p.Language).FirstOrDefaultAsync(cancellationToken) is { } language)
        {
            HttpContext.Items[Ui.RecipientLanguage] = language;
        }
        Token = token;
        Done = done is "1" or PublicLinks.DigestOnlyValue ? done : null;
        DigestOnly = only == PublicLinks.DigestOnlyValue;
    }
}
