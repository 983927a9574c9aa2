using Microsoft.AspNetCore.Mvc.Testing;
using Timing.Rules;

namespace Timing.Tests.Rules;

public class StartupValidationTests
{
    [Fact]
    public async Task Service_WithShippedConfig_StartsAndAnswersHealth()
    {
        await using var factory = new WebApplicationFactory<Program>();
        var response = await factory.CreateClient().GetStringAsync(new Uri("/health", UriKind.Relative));
        Assert.StartsWith("{\"status\":\"Healthy\"", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_RealProcess_ServesItsStylesheetFromAnyWorkingDirectory()
    {
        // Started from a temporary folder, as a deployed program would be: pages must still find their CSS.
        var dir = TestPaths.NewScratchDirectory();
        var port = TestPaths.FreePort();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { ProcessRunner.TimingDll, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            HttpResponseMessage? css = null;
            for (var i = 0; i < 360 && css is null; i++)
            {
                try { css = await http.GetAsync(new Uri("/css/timing.css", UriKind.Relative)); } catch (HttpRequestException) { await Task.Delay(250); }
            }
            Assert.NotNull(css);
            Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
            Assert.Contains("--timing-color-primary", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public async Task Service_RealProcess_NeverLogsPersonalFeedTokens()
    {
        var dir = TestPaths.NewScratchDirectory();
        var token = "SecretToken" + new string('x', 32);
        await using (var service = await Worker.ServiceProcess.StartAsync(dir, new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        }))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}") };
            var response = await http.GetAsync(new Uri($"/feeds/p/{token}.ics", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
            await Task.Delay(500);
        }
        var log = string.Concat(Directory.GetFiles(dir, "service-*.log").Select(File.ReadAllText));
        Assert.Contains("Now listening on", log, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretToken", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_WithBrokenConfig_ListsEachProblem()
    {
        var dir = Cli.CheckConfigCommandTests.CopyConfig(c => c["moments"]![3]!["audiences"] = new System.Text.Json.Nodes.JsonArray("everyone"));
        var result = new TimingOptionsValidator(new RulesSource()).Validate(null, new TimingOptions { ConfigDirectory = dir });
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("moment 'programme-adoption', field 'audiences': 'everyone' is not an audience", StringComparison.Ordinal));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Service_RealProcess_WithBrokenConfig_ExitsWithWhatToFix()
    {
        var dir = Cli.CheckConfigCommandTests.CopyConfig(c => c["moments"]![3]!["audiences"] = new System.Text.Json.Nodes.JsonArray("everyone"));
        var (exit, _, error) = await ProcessRunner.RunAsync(["--urls", "http://127.0.0.1:0"],
            environment: new Dictionary<string, string> { ["Timing__ConfigDirectory"] = dir });
        Assert.Equal(1, exit);
        Assert.Contains("Timing cannot start; fix these settings first:", error, StringComparison.Ordinal);
        Assert.Contains("moment 'programme-adoption', field 'audiences': 'everyone' is not an audience", error, StringComparison.Ordinal);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Service_RealProcess_WithMissingMunicipalityList_ExitsWithAMessage()
    {
        var (exit, _, error) = await ProcessRunner.RunAsync(["--urls", "http://127.0.0.1:0"],
            environment: new Dictionary<string, string> { ["Timing__MunicipalitiesFile"] = "/nonexistent/gemeenten.csv" });
        Assert.Equal(1, exit);
        Assert.Contains("Timing cannot start; fix these settings first:", error, StringComparison.Ordinal);
        Assert.Contains("Timing:MunicipalitiesFile", error, StringComparison.Ordinal);
    }
}
