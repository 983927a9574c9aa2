using System.Net;
using Timing.Tests.Worker;

namespace Timing.Tests.Feeds;

/// <summary>What Kestrel itself sends beside a feed: a response is never dated before the content it carries.</summary>
public class FeedDateHeaderTests
{
    [Fact]
    public async Task RealServer_FirstRenderingOfAFeed_NeverHasALastModifiedAfterTheResponsesDate()
    {
        var dir = TestPaths.NewScratchDirectory();
        await using var service = await ServiceProcess.StartAsync(dir, new Dictionary<string, string>
        {
            ["Storage:SqlitePath"] = Path.Combine(dir, "timing.db"),
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Worker:Enabled"] = "false",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}") };
        // Each municipality's first request renders its feed and stamps its content now; spread over a few
        // seconds, some of them fall in the part of a second before Kestrel renews its Date.
        var codes = Timing.Municipalities.MunicipalityList.Load(TestPaths.MunicipalitiesCsv).Select(m => m.Code.Value).Take(40);
        foreach (var code in codes)
        {
            using var response = await http.GetAsync(new Uri($"/feeds/{code}.ics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var date = response.Headers.Date;
            var modified = response.Content.Headers.LastModified;
            Assert.True(date is not null && modified is not null && modified <= date, $"{code}: Last-Modified {modified:R} after Date {date:R}");
            await Task.Delay(90);
        }
    }
}
