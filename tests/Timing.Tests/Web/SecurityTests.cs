using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Timing.Tests.Web;

[Trait("Needs", "smtp-server")]
public partial class SecurityTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/gemeenten/toevoegen")]
    [InlineData("/gemeenten/GM0344")]
    [InlineData("/mijn-feed")]
    public async Task EveryPage_NeedsSignIn(string url)
    {
        await using var factory = new TimingFactory();
        var response = await factory.Client().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/aanmelden?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectorOfA_CannotReadOrChangeB()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("a@a.nl", "Organisatie A");
        await factory.CreateDirectorAsync("b@b.nl", "Organisatie B");
        var b = factory.Client();
        await b.SignInAsync(factory, "b@b.nl");
        var add = await b.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await b.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0363", ["Name"] = "Amsterdam" });

        var a = factory.Client();
        await a.SignInAsync(factory, "a@a.nl");
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(new Uri("/gemeenten/GM0363", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(new Uri("/gemeenten/GM0363/momenten/election/2030", UriKind.Relative))).StatusCode);
        var own = await a.GetStringAsync(new Uri("/", UriKind.Relative));
        var post = await a.PostFormAsync("/gemeenten/GM0363?handler=Actual", own, new() { ["Kind"] = "coalition-agreement", ["Date"] = "2026-06-10" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain("Amsterdam", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Member_CannotDoDirectorThings()
    {
        await using var factory = new TimingFactory();
        var director = await factory.CreateDirectorAsync("d@org.nl", "Org");
        await factory.CreateMemberAsync("m@org.nl", director.OrganisationId);
        var member = factory.Client();
        await member.SignInAsync(factory, "m@org.nl");
        var page = await member.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.DoesNotContain("/gemeenten/toevoegen", page, StringComparison.Ordinal);
        var add = await member.GetAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.StartsWith("/geen-toegang", add.Headers.Location!.ToString(), StringComparison.Ordinal);
        var post = await member.PostFormAsync("/gemeenten/toevoegen", page, new() { ["Code"] = "GM0344", ["Name"] = "Utrecht" });
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.StartsWith("/geen-toegang", post.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInLink_WorksOnce_AndExpiresAfter15Minutes()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        var link = await client.RequestLinkAsync(factory, "d@org.nl");
        var relative = new Uri(link.PathAndQuery, UriKind.Relative);
        var confirm = await client.GetStringAsync(relative);
        var token = TokenField().Match(confirm).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(link.PathAndQuery, confirm, new() { ["t"] = token })).StatusCode);
        // The same link opened again, in another browser: refused.
        var other = factory.Client();
        var reopened = await other.GetStringAsync(relative);
        var again = await other.PostFormAsync(link.PathAndQuery, reopened, new() { ["t"] = token });
        Assert.Contains("ongeldig, al gebruikt of verlopen", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var late = factory.Client();
        var second = await late.RequestLinkAsync(factory, "d@org.nl");
        factory.Clock.AdvanceMinutes(16);
        var page = await late.GetStringAsync(new Uri(second.PathAndQuery, UriKind.Relative));
        var expired = await late.PostFormAsync(second.PathAndQuery, page, new() { ["t"] = TokenField().Match(page).Groups[1].Value });
        Assert.Contains("ongeldig, al gebruikt of verlopen", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_GetsTheSameAnswer_AndNoMail()
    {
        await using var factory = new TimingFactory();
        var client = factory.Client();
        var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        var answer = await client.PostAndFollowAsync("/aanmelden", page, new() { ["Email"] = "nobody@nowhere.nl" });
        Assert.Contains("Als dit adres bij ons bekend is", answer, StringComparison.Ordinal);
        await factory.SignInQueueHandledAsync();
        Assert.Empty(Browserless.Mails(factory));
    }

    [Fact]
    public async Task LinkRequest_WithTheMailServerDown_AnswersTheSame_AndKeepsTheService()
    {
        var port = TestPaths.FreePort(); // nothing listens here
        await using var factory = new TimingFactory(settings: new() { ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Mail:Security"] = "None" });
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        var answer = await client.PostAndFollowAsync("/aanmelden", page, new() { ["Email"] = "d@org.nl" });
        Assert.Contains("Als dit adres bij ons bekend is", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkRequestsByAStranger_NeverLockThePersonOut_AndAnswerTheSame()
    {
        await using var factory = new TimingFactory(configure: SignInTimingTests.ManyClients);
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var stranger = ClientFrom(factory, "203.0.113.7");
        var page = await stranger.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        // Many more requests for the person's address than it gets mails: every one gets the same answer.
        for (var i = 0; i < 12; i++)
        {
            var answer = await stranger.PostFormAsync("/aanmelden", page, new() { ["Email"] = "d@org.nl" });
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Equal("/aanmelden?verstuurd=1", answer.Headers.Location!.ToString());
        }
        await factory.SignInQueueHandledAsync();
        Assert.Equal(Timing.Web.SignIn.SignInLimiter.PerRequesterAndAddress, Browserless.Mails(factory).Length);

        // The person, from their own connection, still gets their link.
        var person = ClientFrom(factory, "198.51.100.2");
        await person.SignInAsync(factory, "d@org.nl");
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task LinkRequests_AreLimitedPerRequester_AndMailPerAddressInAll()
    {
        await using var factory = new TimingFactory(configure: SignInTimingTests.ManyClients);
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        // Requests from many connections together mail one address at most its share an hour.
        for (var i = 0; i < 6; i++)
        {
            var client = ClientFrom(factory, $"203.0.113.{i + 1}");
            var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/aanmelden", page, new() { ["Email"] = "d@org.nl" })).StatusCode);
            }
        }
        await factory.SignInQueueHandledAsync();
        Assert.Equal(Timing.Web.SignIn.SignInLimiter.PerAddress, Browserless.Mails(factory).Length);

        // One connection asking for many addresses is told to wait: only that requester.
        var prober = ClientFrom(factory, "192.0.2.9");
        var form = await prober.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        HttpResponseMessage last = null!;
        for (var i = 0; i <= Timing.Web.SignIn.SignInLimiter.PerRequester; i++)
        {
            last = await prober.PostFormAsync("/aanmelden", form, new() { ["Email"] = $"x{i}@elders.nl" });
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("Vanaf uw verbinding zijn te veel links aangevraagd", WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkForAKnownAddress_DoesNotHoldUpTheNextRequestersMail()
    {
        await using var smtp = await Timing.Tests.Worker.SmtpServer.StartNewAsync(scripted: true);
        // The mail server never answers for slow@…: that request stays open for the whole test.
        await using var factory = new TimingFactory(settings: new(smtp.Settings) { ["Mail:TimeoutSeconds"] = "300" }, configure: SignInTimingTests.ManyClients);
        await factory.CreateDirectorAsync("slow@org.nl", "Org A");
        await factory.CreateDirectorAsync("me@org.nl", "Org B");
        var client = ClientFrom(factory, "203.0.113.7");
        var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        await client.PostFormAsync("/aanmelden", page, new() { ["Email"] = "slow@org.nl" });
        await client.PostFormAsync("/aanmelden", page, new() { ["Email"] = "me@org.nl" });

        var mails = await Browserless.WaitForMailsAsync(smtp.Messages, 1);
        Assert.Equal("me@org.nl", Assert.Single(mails).To.Mailboxes.Single().Address);
        // The link to the known address was still being sent when the requester's own arrived.
        Assert.Equal(1, factory.Services.GetRequiredService<Timing.Web.SignIn.SignInMailQueue>().Pending);
    }

    [Fact]
    public async Task RedirectToSignIn_IgnoresTheHostHeader()
    {
        await using var factory = new TimingFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/gemeenten/toevoegen", UriKind.Relative));
        request.Headers.Host = "evil.example";
        var response = await factory.Client().SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/aanmelden?ReturnUrl=%2Fgemeenten%2Ftoevoegen", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task FormPostOverTheServersSizeLimit_AnswersFormTooLarge_NotPageNotFound()
    {
        var dir = TestPaths.NewScratchDirectory();
        await using var service = await Timing.Tests.Worker.ServiceProcess.StartAsync(dir, new Dictionary<string, string>
        {
            ["Storage:SqlitePath"] = Path.Combine(dir, "timing.db"),
            ["Timing:MunicipalitiesFile"] = TestPaths.MunicipalitiesCsv,
            ["Worker:Enabled"] = "false",
        });
        // A form announced over the web server's limit for a request body (30 MB) is refused before anything is read;
        // a raw connection, so the answer can be read without sending the whole body first.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, service.Port);
        var stream = tcp.GetStream();
        var head = $"POST /aanmelden HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {31 * 1024 * 1024}\r\nConnection: close\r\n\r\nEmail=aaaa";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        var answer = await new StreamReader(stream).ReadToEndAsync();
        var html = WebUtility.HtmlDecode(answer);
        Assert.StartsWith("HTTP/1.1 413 ", answer, StringComparison.Ordinal);
        Assert.Contains("<h1>Formulier te groot</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("niet gevonden", html, StringComparison.Ordinal);
    }

    private static HttpClient ClientFrom(TimingFactory factory, string address)
    {
        var client = factory.Client();
        client.DefaultRequestHeaders.Add("X-Test-Client", address);
        return client;
    }

    [Fact]
    public async Task ResetFeed_RevokesTheOldToken_WithA404LikeAnUnknownOne()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        var first = FeedPath().Match(await client.MakeFeedAsync()).Value;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(first, UriKind.Relative))).StatusCode);
        var second = FeedPath().Match(await client.MakeFeedAsync()).Value;
        Assert.NotEqual(first, second);

        var revoked = await client.GetAsync(new Uri(first, UriKind.Relative));
        var unknown = await client.GetAsync(new Uri("/feeds/p/" + new string('A', 43) + ".ics", UriKind.Relative));
        var malformed = await client.GetAsync(new Uri("/feeds/p/short.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await revoked.Content.ReadAsStringAsync());
        Assert.Equal(await malformed.Content.ReadAsStringAsync(), await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(second, UriKind.Relative))).StatusCode);
    }

    [GeneratedRegex("name=\"t\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"/feeds/p/[A-Za-z0-9_-]{43}\.ics")]
    private static partial Regex FeedPath();
}
