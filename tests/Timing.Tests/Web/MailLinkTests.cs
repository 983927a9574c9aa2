using System.Net;
using System.Text.RegularExpressions;

namespace Timing.Tests.Web;

/// <summary>A mail's link to a moment opens for everyone, and signing in from it comes back to the moment.</summary>
public partial class MailLinkTests
{
    private const string PublicPath = "/openbaar/gemeenten/GM0344/momenten/coalition-agreement/2026";
    private const string SignedInPath = "/gemeenten/GM0344/momenten/coalition-agreement/2026";

    [Fact]
    public async Task MomentLink_OpensThePublicPage_AndAfterTheMailSignIn_TheOrganisationsPage()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var setup = factory.Client();
        await setup.SignInAsync(factory, "d@org.nl");
        var add = await setup.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await setup.PostAndFollowAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });

        // Signed out: the page itself, no sign-in wall; its sign-in link remembers the moment.
        var reader = factory.Client();
        var page = await reader.GetStringAsync(new Uri(PublicPath, UriKind.Relative));
        var signIn = WebUtility.HtmlDecode(SignInHref().Match(page).Groups[1].Value);
        Assert.Equal("/aanmelden?ReturnUrl=" + Uri.EscapeDataString(SignedInPath), signIn);

        // Through the e-mail sign-in, the return address survives.
        var form = await reader.GetStringAsync(new Uri(signIn, UriKind.Relative));
        await reader.PostFormAsync(signIn, form, new() { ["Email"] = "d@org.nl", ["ReturnUrl"] = SignedInPath });
        await factory.SignInQueueHandledAsync();
        var link = new Uri(MailLink().Match(Browserless.Mails(factory).Last().TextBody!).Value);
        Assert.Contains("&r=" + Uri.EscapeDataString(SignedInPath), link.Query, StringComparison.Ordinal);
        var confirm = await reader.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var signedIn = await reader.PostFormAsync("/aanmelden/bevestigen", confirm, new() { ["t"] = TokenField().Match(confirm).Groups[1].Value, ["r"] = SignedInPath });
        Assert.Equal(SignedInPath, signedIn.Headers.Location!.OriginalString);

        // Signed in, the mail's public link goes on to the organisation's page.
        var again = await reader.GetAsync(new Uri(PublicPath, UriKind.Relative));
        Assert.Equal(SignedInPath, again.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://elders.example/x")]
    [InlineData("//elders.example/x")]
    [InlineData("/\\elders.example")]
    public void ReturnPath_RefusesAnywhereElse(string path) => Assert.Null(Timing.Web.SignIn.ReturnPath.Safe(path));

    [Fact]
    public async Task FeedPage_BuildsTheAddressFromCheckboxes_WithoutScript()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        var address = await client.MakeFeedAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/mijn-feed?gemeentelijk=true&vergaderingen=true&apart=true&taal=en", UriKind.Relative)));
        Assert.Contains($"id=\"built-url\" data-full=\"{address}?arena=municipal&meetings=yes&group=no&lang=en\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"gemeentelijk\" value=\"true\" checked", page, StringComparison.Ordinal);
        Assert.Contains("name=\"apart\" value=\"true\" checked", page, StringComparison.Ordinal);
        // Shown masked, as the address above it is: whoever reads along over a shoulder cannot open the feed.
        var token = address[(address.LastIndexOf('/') + 1)..^".ics".Length];
        var shown = page[page.IndexOf("id=\"built-url\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain(token, shown[shown.IndexOf('>')..shown.IndexOf("</code>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"(/aanmelden\\?ReturnUrl=[^\"]+)\"")]
    private static partial Regex SignInHref();

    [GeneratedRegex(@"https://\S+/aanmelden/bevestigen\?\S+")]
    private static partial Regex MailLink();

    [GeneratedRegex("name=\"t\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
