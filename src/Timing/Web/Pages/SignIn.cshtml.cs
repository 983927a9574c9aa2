using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timing.People;
using Timing.Web.SignIn;
using Timing.Web.Texts;

namespace Timing.Web.Pages;

public sealed class SignInModel(SignInMailQueue queue, SignInLimiter limiter) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? EmailError { get; private set; }

    public bool Sent { get; private set; }

    public bool Limited { get; private set; }

    /// <summary>The page that asked for sign-in (the cookie handler's ReturnUrl); the link in the mail leads back to it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet([FromQuery(Name = "verstuurd")] string? sent) => Sent = sent == "1";

    public IActionResult OnPost()
    {
        string address;
        try
        {
            address = Directors.NormaliseEmail(Email);
        }
        catch (ArgumentException)
        {
            EmailError = SiteTexts.EnterAValidEmail.In(Ui.Language(HttpContext));
            return Page();
        }
        var admission = limiter.Admit(address, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (admission == SignInAdmission.RequesterLimited)
        {
            Limited = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        // The same work for every address: the lookup and the mail happen in the background. An address that has
        // had its share of mail gets the same answer, so the limit can neither lock anyone out nor be probed.
        if (admission == SignInAdmission.Mail)
        {
            queue.Enqueue(address, ReturnUrl);
        }
        // Post/redirect/get: a reload shows the answer again instead of asking for another link.
        return RedirectToPage("/SignIn", new { verstuurd = 1 });
    }
}
