using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Timing.Web.Sessions;
using Timing.Web.SignIn;
using Timing.Rules;

namespace Timing.Web;

/// <summary>The director's pages: Razor Pages under Web/Pages, cookie sign-in, anti-forgery, rate limits.</summary>
public static class WebServiceCollectionExtensions
{
    public const string DirectorPolicy = "director";

    private static IEnumerable<string> Listed(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<WebOptions>(configuration, WebOptions.Section)
            // A list given as one value (Web__KnownProxies=10.0.0.5,10.0.0.6 in the environment) counts too; the
            // binder alone reads only numbered entries (Web:KnownProxies:0) and would drop it without a word.
            .Configure(o =>
            {
                o.KnownProxies.AddRange(Listed(configuration[$"{WebOptions.Section}:{nameof(WebOptions.KnownProxies)}"]));
                o.Operators.AddRange(Listed(configuration[$"{WebOptions.Section}:{nameof(WebOptions.Operators)}"]));
            })
            .Validate(o => o.SessionCheckSeconds is >= 0 and <= 60, "Web:SessionCheckSeconds must be 0–60.")
            .Validate(o => o.KnownProxies.All(IsAddressOrNetwork), "Web:KnownProxies must list IP addresses (10.0.0.5) or networks (10.0.0.0/24) of your reverse proxies.")
            .Validate(o => o.Operators.All(IsEmail), "Web:Operators must list e-mail addresses, such as beheer@organisatie.nl.")
            .ValidateOnStart();
        // Forwarded headers count only when they come from a proxy named in Web:KnownProxies (the defaults
        // would trust loopback). With none named, MapWeb leaves the middleware out altogether.
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<WebOptions>>((o, web) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the obsolete list is emptied too, so nothing is trusted by default
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var entry in web.Value.KnownProxies.Where(IsAddressOrNetwork))
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(entry));
                }
            }
        });
        services.AddSingleton<SessionStamps>();
        services.AddScoped<SessionCookieEvents>();
        services.AddSingleton<IInterceptor, ForgetChangedStamps>();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            // Every page needs sign-in, except the sign-in pages themselves.
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/SignInConfirm");
            o.Conventions.AllowAnonymousToPage("/Unsubscribe");
            o.Conventions.AllowAnonymousToPage("/Invitation");
            o.Conventions.AllowAnonymousToPage("/Municipalities/Public");
            // Public moment pages: what every event of a public feed links to.
            o.Conventions.AllowAnonymousToPage("/Public/Moment");
            o.Conventions.AllowAnonymousToPage("/Error");
        }).AddCookieTempDataProvider(o =>
        {
            // Messages after a redirect ("Opgeslagen …"): post/redirect/get, so a reload never repeats an action.
            o.Cookie.Name = "timing-message";
            o.Cookie.IsEssential = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
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
            o.EventsType = typeof(SessionCookieEvents);
        });
        services.AddAuthorizationBuilder().AddPolicy(DirectorPolicy, p => p.RequireRole(Storage.Roles.Director));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "timing-antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Keys in the database: a cookie issued by one node is read by the next, and survives restarts.
        services.AddDataProtection().SetApplicationName("Timing").PersistKeysToDbContext<Storage.TimingDbContext>();
        services.AddScoped<Municipalities.MunicipalityChanges>();
        services.AddScoped<MagicLinks>();
        services.AddScoped<People.Invitations>();
        services.AddSingleton<SignInMailQueue>();
        services.AddHostedService<SignInMailer>();
        services.AddSingleton<SignInLimiter>();
        return services;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        // With no proxies listed the middleware would believe every sender, so then it is left out.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseSecurityHeaders();
        // Errors in the site's own layout and language: exceptions become a 500 page with a reference that the
        // log carries; a status code without a body of its own (an unknown page, municipality or moment) gets a page too.
        app.UseExceptionHandler("/fout/500");
        app.UseStatusCodePagesWithReExecute("/fout/{0}", "?status={0}");
        app.Use(async (http, next) =>
        {
            // A refused post from a program keeps its bare status; a browser's form post (it asks for HTML) gets the
            // page, so a stale form or a too-large field never ends on a blank screen.
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                && !http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
                && http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            // A body announced over the server's limit is answered 413 here, with a page of its own written at once: the
            // body is never read, so no page could read its form; left to the pages it would look like an expired form.
            if (http.Request.ContentLength > http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
            {
                var lang = Ui.Language(http);
                var title = Texts.SiteTexts.FormTooLarge.In(lang);
                var text = Texts.SiteTexts.WhatYouSentIsLargerThan.In(lang);
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"{Ui.Code(lang)}\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1><p>{text}</p><p><a href=\"/\">{Texts.SiteTexts.ToTheOverview.In(lang)}</a></p></body></html>");
                return;
            }
            await next();
        });
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Whether the signed-in person operates this instance: marked in the database, or listed in Web:Operators.</summary>
    public static bool IsOperator(this System.Security.Claims.ClaimsPrincipal user, WebOptions options) =>
        user.Identity?.IsAuthenticated == true
        && (user.HasClaim(Ui.Claims.Operator, "true")
            || options.Operators.Contains(user.Identity.Name ?? "", StringComparer.OrdinalIgnoreCase));

    private static bool IsAddressOrNetwork(string entry) =>
        entry.Contains('/', StringComparison.Ordinal) ? System.Net.IPNetwork.TryParse(entry, out _) : System.Net.IPAddress.TryParse(entry, out _);

    private static bool IsEmail(string entry)
    {
        try
        {
            People.Directors.NormaliseEmail(entry);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
