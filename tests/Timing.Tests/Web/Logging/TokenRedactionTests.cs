using System.Net;
using Timing.Tests.Worker;
using Timing.Web.Logging;

namespace Timing.Tests.Web.Logging;

/// <summary>Logs follow the configured levels, and personal feed tokens never reach them.</summary>
public class TokenRedactionTests
{
    [Theory]
    [InlineData("GET /feeds/p/abcDEF123-_abcDEF123-_abcDEF123-_abcDEF123-_a.ics - 404", "GET /feeds/p/***.ics - 404")]
    [InlineData("https://timing.test/feeds/p/short?x=1", "https://timing.test/feeds/p/***?x=1")]
    [InlineData("/FEEDS/P/abc.ics", "/FEEDS/P/***.ics")]
    [InlineData("/feeds/GM0344.ics", "/feeds/GM0344.ics")]
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

    private static string Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
