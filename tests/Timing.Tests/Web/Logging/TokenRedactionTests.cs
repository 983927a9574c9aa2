using System.Net;
using Timing.Tests.Worker;
using Timing.Web.Logging;

namespace Timing.Tests.Web.Logging;

/// <summary>Logs follow the configured levels, and no token (feed, unsubscribe, sign-in) ever reaches them.</summary>
public class TokenRedactionTests
{
    [Theory]
    [InlineData("GET /feeds/p/abcDEF123-_abcDEF123-_abcDEF123-_abcDEF123-_a.ics - 404", "GET /feeds/p/***.ics - 404")]
    [InlineData("https://timing.test/feeds/p/short?x=1", "https://timing.test/feeds/p/***?x=1")]
    [InlineData("/FEEDS/P/abc.ics", "/FEEDS/P/***.ics")]
    [InlineData("/feeds/GM0344.ics", "/feeds/GM0344.ics")]
    [InlineData("POST /afmelden-nudges/12.abc?alleen=overzicht", "POST /afmelden-nudges/***?alleen=overzicht")]
    [InlineData("GET /aanmelden/bevestigen?t=abc&lang=en", "GET /aanmelden/bevestigen?t=***&lang=en")]
    // Alone, as a handler's argument: the shape of a token (43 random characters) gives it away.
    [InlineData("arguments (Xy3_kQ9-bT0aLm2Np5Rs8Uv1Wx4Yz7Ab0Cd3Ef6Gh9Ij2K)", "arguments (***)")]
    // Hex hashes, GUIDs and trace ids are one case only and stay readable.
    [InlineData("etag 0123456789abcdef0123456789abcdef01234567", "etag 0123456789abcdef0123456789abcdef01234567")]
    public void Redact_HidesTheTokenOnly(string text, string expected) => Assert.Equal(expected, TokenRedaction.Redact(text));

    [Fact]
    public async Task RequestLogging_AtInformation_LogsPaths_ButNeverAFeedToken()
    {
        var dir = TestPaths.NewScratchDirectory();
        var token = Timing.Web.Secrets.NewToken();
        int port;
        await using (var service = await ServiceProcess.StartAsync(dir, new Dictionary<string, string>
        {
            ["Storage:SqlitePath"] = Path.Combine(dir, "timing.db"),
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Worker:Enabled"] = "false",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Logging:Console:IncludeScopes"] = "true",
        }))
        {
            port = service.Port;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"/feeds/p/{token}.ics", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative))).StatusCode);
            await http.GetAsync(new Uri("/aanmelden?probe=last", UriKind.Relative));
            var log = "";
            for (var i = 0; i < 100 && !log.Contains("probe=last", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
                log = Read(Path.Combine(dir, $"service-{port}.log"));
            }
        }
        var text = Read(Path.Combine(dir, $"service-{port}.log"));
        Assert.Contains("Request starting HTTP/1.1 GET http://127.0.0.1:" + port + "/feeds/GM0344.ics", text, StringComparison.Ordinal);
        Assert.Contains("/feeds/p/***.ics", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Trace", "json")]
    [InlineData("Debug", "simple")]
    [InlineData("Information", "simple")]
    public async Task EveryTokenRequest_AtEachLevel_LeavesNoTokenInTheLog(string level, string format)
    {
        var dir = TestPaths.NewScratchDirectory();
        var feed = Timing.Web.Secrets.NewToken();
        var signIn = Timing.Web.Secrets.NewToken();
        var unsubscribe = "7." + Timing.Web.Secrets.NewToken();
        int port;
        await using (var service = await ServiceProcess.StartAsync(dir, new Dictionary<string, string>
        {
            ["Storage:SqlitePath"] = Path.Combine(dir, "timing.db"),
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Worker:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = level,
            ["Logging:LogLevel:Microsoft.AspNetCore"] = level,
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = level,
            ["Logging:Console:FormatterName"] = format,
            ["Logging:Console:IncludeScopes"] = "true",
        }))
        {
            port = service.Port;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await http.GetAsync(new Uri($"/feeds/p/{feed}.ics", UriKind.Relative));
            await http.GetAsync(new Uri($"/aanmelden/bevestigen?t={signIn}", UriKind.Relative));
            await http.GetAsync(new Uri($"/afmelden-nudges/{unsubscribe}", UriKind.Relative));
            await http.PostAsync(new Uri($"/afmelden-nudges/{unsubscribe}", UriKind.Relative), new StringContent(""));
            await http.GetAsync(new Uri("/aanmelden?probe=last", UriKind.Relative));
            var log = "";
            for (var i = 0; i < 100 && !log.Contains("probe=last", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
                log = Read(Path.Combine(dir, $"service-{port}.log"));
            }
        }
        var text = Read(Path.Combine(dir, $"service-{port}.log"));
        Assert.Contains("/afmelden-nudges/***", text, StringComparison.Ordinal);
        Assert.DoesNotContain(feed, text, StringComparison.Ordinal);
        Assert.DoesNotContain(signIn, text, StringComparison.Ordinal);
        Assert.DoesNotContain(unsubscribe[2..], text, StringComparison.Ordinal);
    }

    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
