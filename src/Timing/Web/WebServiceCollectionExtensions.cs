using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Timing.Web.SignIn;

namespace Timing.Web;

/// <summary>The director's pages: Razor Pages under Web/Pages, cookie sign-in, anti-forgery, rate limits.</summary>
public static class WebServiceCollectionExtensions
{
    public const string DirectorPolicy = "director";

    public static IServiceCollection AddWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            // Every page needs sign-in, except the sign-in pages themselves.
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/SignInConfirm");
            o.Conventions.AllowAnonymousToPage("/Unsubscribe");
            o.Conventions.AllowAnonymousToPage("/Municipalities/Public");
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/aanmelden";
            o.LogoutPath = "/afmelden";
            o.AccessDeniedPath = "/geen-toegang";
            o.Cookie.Name = "timing-session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
        });
        services.AddAuthorizationBuilder().AddPolicy(DirectorPolicy, p => p.RequireRole(Storage.Roles.Director));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "timing-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Keys in the database: a cookie issued by one node is read by the next, and survives restarts.
        services.AddDataProtection().SetApplicationName("Timing").PersistKeysToDbContext<Storage.TimingDbContext>();
        services.AddScoped<MagicLinks>();
        services.AddSingleton<SignInLimiter>();
        return services;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }
}
