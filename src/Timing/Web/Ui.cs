using System.Security.Claims;
using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>The language of a page (Dutch first, English on request) and the signed-in person's identity.</summary>
public static class Ui
{
    public const string LanguageCookie = "timing-lang";

    public static Language Language(HttpContext http)
    {
        var requested = http.Request.Query["lang"].ToString();
        if (requested.Length == 0 && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalQueryString is { Length: > 0 } original)
        {
            // An error page shown in place of the requested one speaks the language that was asked for.
            requested = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(original).TryGetValue("lang", out var asked) ? asked.ToString() : "";
        }
        if (requested is "nl" or "en")
        {
            // A page asks for its language many times while it renders; the cookie is set once per response.
            if (http.Items.TryAdd(LanguageCookie, requested))
            {
                http.Response.Cookies.Append(LanguageCookie, requested, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365), Secure = http.Request.IsHttps });
            }
            return requested == "en" ? Core.Cycle.Language.En : Core.Cycle.Language.Nl;
        }
        if (http.Items[RecipientLanguage] is Language recipient)
        {
            return recipient;
        }
        var chosen = http.Request.Cookies[LanguageCookie] ?? http.User.FindFirstValue(Claims.Language);
        return chosen == "en" ? Core.Cycle.Language.En : Core.Cycle.Language.Nl;
    }

    /// <summary>
    /// A page reached from a mail link (unsubscribe, invitation) sets the recipient's language under this key: it
    /// speaks to them in their language whatever browser opens the link, unless ?lang= asks otherwise.
    /// </summary>
    public const string RecipientLanguage = "timing-recipient-lang";

    /// <summary>A language's code in addresses (?lang=), the language cookie and the sign-in claim: nl or en.</summary>
    public static string Code(Language language) => language == Core.Cycle.Language.En ? "en" : "nl";

    public static int PersonId(this ClaimsPrincipal user) => int.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture);

    public static int OrganisationId(this ClaimsPrincipal user) => int.Parse(user.FindFirstValue(Claims.Organisation)!, System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsDirector(this ClaimsPrincipal user) => user.IsInRole(Storage.Roles.Director);

    /// <summary>Claim types Timing adds to the sign-in cookie.</summary>
    public static class Claims
    {
        public const string Organisation = "timing:org";
        public const string Language = "timing:lang";
        public const string Operator = "timing:operator";
    }
}
