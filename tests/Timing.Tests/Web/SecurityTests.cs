using System.Net;
using System.Text.RegularExpressions;

namespace Timing.Tests.Web;

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
        Assert.StartsWith("https://localhost/aanmelden", response.Headers.Location!.ToString(), StringComparison.Ordinal);
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
        Assert.StartsWith("https://localhost/geen-toegang", add.Headers.Location!.ToString(), StringComparison.Ordinal);
        var post = await member.PostFormAsync("/gemeenten/toevoegen", page, new() { ["Code"] = "GM0344", ["Name"] = "Utrecht" });
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.StartsWith("https://localhost/geen-toegang", post.Headers.Location!.ToString(), StringComparison.Ordinal);
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
    public async Task LinkRequests_AreRateLimited()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            last = await client.PostFormAsync("/aanmelden", page, new() { ["Email"] = "d@org.nl" });
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        await factory.SignInQueueHandledAsync();
        Assert.Equal(5, Browserless.Mails(factory).Length);
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
