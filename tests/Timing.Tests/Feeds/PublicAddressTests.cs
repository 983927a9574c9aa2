using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MimeKit;
using Timing.Feeds;
using Timing.Tests.Web;
using Timing.Tests.Worker;

namespace Timing.Tests.Feeds;

/// <summary>Links point at the address the service listens on unless Feeds:BaseUrl says otherwise.</summary>
public class PublicAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5150", "http://127.0.0.1:5150")]
    [InlineData("https://timing.example.nl/", "https://timing.example.nl")]
    public void AsLink_KeepsANamedAddress(string listening, string expected) => Assert.Equal(expected, PublicAddress.AsLink(listening));

    [Theory]
    [InlineData("http://*:8080")]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://+:8080")]
    public void AsLink_NamesThisMachine_ForAWildcard(string listening) =>
        Assert.Equal($"http://{Dns.GetHostName().ToLowerInvariant()}:8080", PublicAddress.AsLink(listening));

    [Theory]
    [InlineData("http://127.0.0.1:5150", "http://127.0.0.1:5150")]
    [InlineData("http://127.0.0.1:5150;http://0.0.0.0:5151", "http://0.0.0.0:5151")] // links are for others: the address they can reach
    [InlineData("http://localhost:5150; https://timing.example.nl", "https://timing.example.nl")]
    [InlineData("http://localhost:5150;http://127.0.0.1:5151", "http://localhost:5150")] // only this machine: the first
    [InlineData("", PublicAddress.KestrelDefault)]
    public void Listening_TakesTheFirstAddressOthersCanReach(string urls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
        Assert.Equal(expected, PublicAddress.Listening(configuration));
    }

    [Fact]
    public void Listening_KestrelEndpoints_ReplaceTheUrlsSetting_AsTheyDoInKestrel()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:5150",
            ["Kestrel:Endpoints:Local:Url"] = "http://127.0.0.1:5160",
            ["Kestrel:Endpoints:Lan:Url"] = "http://10.0.0.5:5161",
        }).Build();
        Assert.Equal("http://10.0.0.5:5161", PublicAddress.Listening(configuration));
    }

    [Theory]
    [InlineData("http://+:5152", LogLevel.Warning, 1403)]
    [InlineData("http://*:5152", LogLevel.Warning, 1403)]
    [InlineData("http://127.0.0.1:5150", LogLevel.Information, 1401)]
    public async Task StartUp_WithoutBaseUrl_SaysOnceWhichAddressLinksUse_AndWarnsWhenTheNameIsGuessed(string urls, LogLevel level, int eventId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
        var options = new FeedOptions { BaseUrl = PublicAddress.AsLink(PublicAddress.Listening(configuration)) };
        var capture = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(capture));
        var log = new PublicAddressLog(configuration, Microsoft.Extensions.Options.Options.Create(options), factory.CreateLogger<PublicAddressLog>());

        await log.StartAsync(CancellationToken.None);

        var line = Assert.Single(capture.Lines);
        Assert.StartsWith($"{level} ", line, StringComparison.Ordinal);
        Assert.Contains($"use {options.BaseUrl}", line, StringComparison.Ordinal);
        Assert.Equal(eventId == 1403, line.Contains("may not reach", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://127.0.0.1:5150", true)]
    [InlineData("http://[::1]:5150", true)]
    [InlineData("http://0.0.0.0:5150", false)] // every interface: others can reach it
    [InlineData("http://*:5150", false)]
    [InlineData("https://timing.example.nl", false)]
    public void IsLoopback_OnlyForThisMachinesOwnNames(string address, bool expected) => Assert.Equal(expected, PublicAddress.IsLoopback(address));

    [Fact]
    public async Task SignInMail_LinksToTheListeningPort_WhenBaseUrlIsNotSet()
    {
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        var pickup = Path.Combine(dir, "pickup");
        var added = await ProcessRunner.RunAsync(["add-director", "--email", "directeur@welzijn.nl", "--organisation", "Welzijn"], dir,
            new Dictionary<string, string> { ["Storage__SqlitePath"] = database });
        Assert.True(added.Exit == 0, added.Error);
        int port;
        await using (var service = await ServiceProcess.StartAsync(dir, new Dictionary<string, string>
        {
            ["Storage:SqlitePath"] = database,
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Worker:Enabled"] = "false",
            ["Mail:PickupDirectory"] = pickup,
        }))
        {
            port = service.Port;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var page = await http.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
            var asked = await http.PostAsync(new Uri("/aanmelden", UriKind.Relative), new FormUrlEncodedContent(
                [new("__RequestVerificationToken", Browserless.AntiForgeryToken(page)), new("Email", "directeur@welzijn.nl")]));
            Assert.True(asked.IsSuccessStatusCode || asked.StatusCode == HttpStatusCode.Redirect, asked.StatusCode.ToString());
            // The link goes out in the background: wait for the file, not for a time.
            var mails = await Browserless.WaitForMailsAsync(() => Directory.Exists(pickup)
                ? Directory.GetFiles(pickup, "*.eml").Select(f => MimeMessage.Load(f)).ToArray() : [], 1);
            Assert.Contains($"http://127.0.0.1:{port}/aanmelden/bevestigen?t=", Assert.Single(mails).TextBody, StringComparison.Ordinal);
        }
        var log = File.ReadAllText(Path.Combine(dir, $"service-{port}.log"));
        Assert.Single(log.Split('\n'), l => l.Contains($"Feeds:BaseUrl is not set: links in mail and feeds use http://127.0.0.1:{port}", StringComparison.Ordinal));
    }
}
