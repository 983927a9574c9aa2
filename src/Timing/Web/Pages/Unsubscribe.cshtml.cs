using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Timing.Web.Pages;

public sealed class UnsubscribeModel : PageModel
{
    public string Token { get; private set; } = "";

    public bool Done { get; private set; }

    public void OnGet(string token, [FromQuery(Name = "klaar")] string? done)
    {
        Token = token;
        Done = done == "1";
    }
}
