using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Timing.Web.Pages;

/// <summary>
/// Error pages in the site's own layout and language: status codes without a body of their own (404 …) and
/// unhandled exceptions (500). A 500 shows a reference that the log line of the exception carries; never a stack trace.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; }

    public string? Reference { get; private set; }

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    // The status is read from the route, not bound: a post refused for its size cannot have its form read, and
    // model binding, which reads the form first, would then give up and leave the status 0 ("page not found").
    private PageResult Show()
    {
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0;
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        Status = failure is not null ? StatusCodes.Status500InternalServerError : status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        if (Status >= 500)
        {
            Reference = HttpContext.TraceIdentifier;
            if (failure is not null)
            {
                logger.LogError(failure.Error, "Server error on {Method} {Path}; reference {Reference}", Request.Method, Redact(failure.Path), Reference);
            }
        }
        Response.StatusCode = Status;
        return Page();
    }

    /// <summary>Personal feed tokens live in paths; they never reach the log.</summary>
    private static string Redact(string path) => path.StartsWith("/feeds/p/", StringComparison.Ordinal) ? "/feeds/p/***" : path;
}
