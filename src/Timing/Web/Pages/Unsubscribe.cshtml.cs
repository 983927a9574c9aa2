using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Timing.Web.Pages;

public sealed class UnsubscribeModel : PageModel
{
    public string Token { get; private set; } = "";

    /// <summary>"1" after stopping everything, "overzicht" after stopping the weekly digest; null before.</summary>
    public string? Done { get; private set; }

    /// <summary>Came from a weekly digest: the page offers stopping the digest alone first.</summary>
    public bool DigestOnly { get; private set; }

    public void OnGet(string token, [FromQuery(Name = "klaar")] string? done, [FromQuery(Name = PublicLinks.DigestOnlyParameter)] string? only)
    {
        Token = token;
        Done = done is "1" or PublicLinks.DigestOnlyValue ? done : null;
        DigestOnly = only == PublicLinks.DigestOnlyValue;
    }
}
