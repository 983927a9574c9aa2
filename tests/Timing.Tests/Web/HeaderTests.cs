using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Timing.Tests.Web;

/// <summary>The headers and cookies of a public web service, on every kind of response.</summary>
public class HeaderTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/aanmelden")]
    [InlineData("/feeds/GM0344.ics")]
    [InlineData("/feeds/p/" + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" + ".ics")]
    [InlineData("/css/timing.css")]
    [InlineData("/health")]
    [InlineData("/bestaat-niet")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        await using var factory = new TimingFactory();
        var response = await factory.Client().GetAsync(new Uri(url, UriKind.Relative));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_OnlyOverHttps()
    {
        await using var factory = new TimingFactory();
        var plain = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var response = await plain.GetAsync(new Uri("/aanmelden", UriKind.Relative));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyle()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });
        var feed = await client.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        var made = await client.PostAndFollowAsync("/mijn-feed", feed, []);
        foreach (var html in new[] { made, await client.GetStringAsync(new Uri("/", UriKind.Relative)), await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative)), await client.GetStringAsync(new Uri("/mensen", UriKind.Relative)) })
        {
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
            Assert.DoesNotMatch("\\sstyle=\"", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
        }
        Assert.Contains("<script src=\"/js/timing.js\"", made, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageCookie_IsSetOncePerResponse()
    {
        await using var factory = new TimingFactory();
        var response = await factory.Client().GetAsync(new Uri("/aanmelden?lang=en", UriKind.Relative));
        var cookies = response.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("timing-lang=", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["timing-lang=en"], cookies.Select(c => c.Split(';')[0]));
        Assert.Contains("Sign in to Timing", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Web:KnownProxies:0", "127.0.0.1")]
    // One value, as an environment variable (Web__KnownProxies) gives it: a comma-separated list.
    [InlineData("Web:KnownProxies", "10.9.9.9, 127.0.0.1")]
    public async Task BehindAConfiguredProxy_CookiesAreSecure_AndTheSignInLimitCountsTheRealClient(string key, string proxies)
    {
        var port = TestPaths.FreePort();
        await using var factory = new TimingFactory(settings: new() { [key] = proxies, ["Feeds:BaseUrl"] = $"http://127.0.0.1:{port}" });
        factory.UseKestrel(port);
        factory.StartServer();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        using var http = Proxied(port, "203.0.113.7");

        // The proxy ended TLS: the session and anti-forgery cookies are Secure.
        var page = await http.GetAsync(new Uri("/aanmelden", UriKind.Relative));
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("timing-antiforgery", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("max-age=", Header(page, "Strict-Transport-Security"), StringComparison.Ordinal);

        // 20 requests per client address: one client is limited, the next client is not.
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await RequestLinkAsync(http, $"n{i}@nowhere.nl")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RequestLinkAsync(http, "n20@nowhere.nl")).StatusCode);
        using var other = Proxied(port, "198.51.100.9");
        Assert.Equal(HttpStatusCode.Redirect, (await RequestLinkAsync(other, "n21@nowhere.nl")).StatusCode);
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUnknownAddress_AreIgnored()
    {
        var port = TestPaths.FreePort();
        await using var factory = new TimingFactory(settings: new() { ["Feeds:BaseUrl"] = $"http://127.0.0.1:{port}" });
        factory.UseKestrel(port);
        factory.StartServer();
        using (var claimsHttps = Proxied(port, "203.0.113.1"))
        {
            var page = await claimsHttps.GetAsync(new Uri("/aanmelden", UriKind.Relative));
            Assert.True(!page.Headers.GetValues("Set-Cookie").Any(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase)), string.Join("\n", page.Headers.GetValues("Set-Cookie")));
            Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        }
        for (var i = 0; i < 20; i++)
        {
            using var client = Proxied(port, $"203.0.113.{i + 1}");
            var response = await RequestLinkAsync(client, $"n{i}@nowhere.nl");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        using var spoofer = Proxied(port, "203.0.113.200");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await RequestLinkAsync(spoofer, "n20@nowhere.nl")).StatusCode);
    }

    private static HttpClient Proxied(int port, string clientAddress)
    {
        // Cookies by hand: a Secure cookie travels back because the client's side of the proxy is https.
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return http;
    }

    private static async Task<HttpResponseMessage> RequestLinkAsync(HttpClient http, string email)
    {
        var page = await http.GetAsync(new Uri("/aanmelden", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/aanmelden", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        return await http.SendAsync(post);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");
}
