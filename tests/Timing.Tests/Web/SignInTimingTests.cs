using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Timing.Tests.Worker;

namespace Timing.Tests.Web;

/// <summary>
/// A sign-in request must not tell whether the address has an account: not by its answer, not by its time,
/// and not through a slow or broken mail server. Times are compared as a ratio measured in one run.
/// </summary>
[Trait("Needs", "smtp-server")]
public class SignInTimingTests
{
    private const int Rounds = 60;
    private const int WarmUp = 5;

    [Fact]
    public async Task KnownAndUnknownAddress_TakeTheSameTime_WithARealMailServer()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = new TimingFactory(settings: smtp.Settings, configure: ManyClients);
        var (known, unknown) = await MeasureAsync(factory);
        AssertSameTime(known, unknown);

        // The links were still sent, after the answers: one per request for a known address, none for the others.
        await factory.SignInQueueHandledAsync();
        var mails = await Browserless.WaitForMailsAsync(smtp.Messages, Rounds + WarmUp);
        Assert.Equal(Rounds + WarmUp, mails.Length);
        Assert.All(mails, m => Assert.EndsWith("@org.nl", m.To.Mailboxes.Single().Address, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hangs")]
    [InlineData("down")]
    public async Task MailServerThatHangsOrIsDown_DoesNotShowInTheAnswer(string server)
    {
        using var hanging = new TcpListener(IPAddress.Loopback, 0); // accepts connections and never says a word
        hanging.Start();
        var port = server == "hangs" ? ((IPEndPoint)hanging.LocalEndpoint).Port : TestPaths.FreePort();
        await using var factory = new TimingFactory(settings: new()
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:TimeoutSeconds"] = "20",
        }, configure: ManyClients);
        var (known, unknown) = await MeasureAsync(factory);
        AssertSameTime(known, unknown);
    }

    /// <summary>
    /// Interleaved requests for known and unknown addresses, each address once and each round from its own
    /// client address, so neither sign-in limit counts. Returns the durations in milliseconds.
    /// </summary>
    private static async Task<(List<double> Known, List<double> Unknown)> MeasureAsync(TimingFactory factory)
    {
        for (var i = 0; i < WarmUp + Rounds; i++)
        {
            await factory.CreateDirectorAsync($"d{i}@org.nl", $"Organisatie {i}");
        }
        var client = factory.Client();
        var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < WarmUp + Rounds; i++)
        {
            // The first rounds warm both paths up and are not counted; the order alternates so neither path always goes first.
            var knownFirst = i % 2 == 0;
            var first = await TimeAsync(client, page, knownFirst ? $"d{i}@org.nl" : $"nobody{i}@elders.nl", i);
            await SettleAsync();
            var second = await TimeAsync(client, page, knownFirst ? $"nobody{i}@elders.nl" : $"d{i}@org.nl", i);
            await SettleAsync();
            if (i >= WarmUp)
            {
                known.Add(knownFirst ? first : second);
                unknown.Add(knownFirst ? second : first);
            }
        }
        return (known, unknown);
    }

    /// <summary>
    /// Gives the background work a request queued (looking the address up, trying the mail server) a moment before the
    /// next request is timed, so each time measures its own answer and not the previous request's mail.
    /// </summary>
    private static Task SettleAsync() => Task.Delay(20);

    /// <summary>Gives each request the client address named in a test header, as if many people signed in.</summary>
    internal static void ManyClients(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new ClientAddressFilter()));

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Client", out var client))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(client.ToString());
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static async Task<double> TimeAsync(HttpClient client, string page, string email, int round)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/aanmelden", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["__RequestVerificationToken"] = Browserless.AntiForgeryToken(page) }),
        };
        request.Headers.Add("X-Test-Client", $"10.0.{round / 250}.{(round % 250) + 1}");
        var watch = Stopwatch.StartNew();
        var response = await client.SendAsync(request);
        watch.Stop();
        // Post/redirect/get: every address gets the same redirect to the same answer.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/aanmelden?verstuurd=1", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void AssertSameTime(List<double> known, List<double> unknown)
    {
        var ratio = Median(known) / Median(unknown);
        Assert.True(ratio is >= 1 / 1.5 and <= 1.5,
            $"known/unknown = {ratio:0.00} (medians {Median(known):0.0} ms and {Median(unknown):0.0} ms; known {string.Join(", ", known.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))}; unknown {string.Join(", ", unknown.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture)))})");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
