using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Storage;

namespace Timing.Tests.Web;

/// <summary>Sessions follow the database: a signed-in cookie is re-checked against the person on every request.</summary>
public partial class SessionTests
{
    [Fact]
    public async Task RemovedPerson_IsSentToSignIn_AtTheirNextRequest_NeverA500()
    {
        await using var factory = new TimingFactory();
        var director = await factory.CreateDirectorAsync("d@org.nl", "Org");
        await factory.CreateMemberAsync("m@org.nl", director.OrganisationId);
        var member = factory.Client();
        await member.SignInAsync(factory, "m@org.nl");
        var feedPage = await member.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));

        var boss = factory.Client();
        await boss.SignInAsync(factory, "d@org.nl");
        var memberId = await PersonIdAsync(factory, "m@org.nl");
        var confirm = await boss.GetStringAsync(new Uri($"/mensen/{memberId}/verwijderen", UriKind.Relative));
        var removed = await boss.PostFormAsync($"/mensen/{memberId}/verwijderen", confirm, []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        var page = await member.GetAsync(new Uri("/", UriKind.Relative));
        AssertSentToSignIn(page);
        var post = await member.PostFormAsync("/mijn-feed", feedPage, []);
        AssertSentToSignIn(post);
    }

    [Fact]
    public async Task SigningOut_EndsEverySessionOfThatPerson()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var laptop = factory.Client();
        await laptop.SignInAsync(factory, "d@org.nl");
        var phone = factory.Client();
        await phone.SignInAsync(factory, "d@org.nl");
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var home = await laptop.GetStringAsync(new Uri("/", UriKind.Relative));
        var signedOut = await laptop.PostFormAsync("/afmelden", home, []);
        Assert.Equal("/aanmelden", signedOut.Headers.Location!.ToString());

        AssertSentToSignIn(await phone.GetAsync(new Uri("/mensen", UriKind.Relative)));
        AssertSentToSignIn(await laptop.GetAsync(new Uri("/", UriKind.Relative)));
    }

    [Fact]
    public async Task ChangedRole_EndsTheSession_AndTheNewSignInCarriesTheNewRole()
    {
        await using var factory = new TimingFactory();
        var director = await factory.CreateDirectorAsync("d@org.nl", "Org");
        await factory.CreateMemberAsync("m@org.nl", director.OrganisationId);
        var member = factory.Client();
        await member.SignInAsync(factory, "m@org.nl");
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(new Uri("/mensen", UriKind.Relative))).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
            var person = await db.People.SingleAsync(p => p.Email == "m@org.nl");
            person.Role = Roles.Director;
            await db.SaveChangesAsync();
        }

        AssertSentToSignIn(await member.GetAsync(new Uri("/", UriKind.Relative)));
        await member.SignInAsync(factory, "m@org.nl");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(new Uri("/mensen", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task SessionEndedOnOneNode_EndsOnTheOtherNode_WithinTheCheckInterval()
    {
        await using var nodeA = new TimingFactory();
        await using var nodeB = new TimingFactory(nodeA.DatabasePath);
        await nodeA.CreateDirectorAsync("d@org.nl", "Org");
        var onA = nodeA.Client();
        var cookie = await SignInForCookieAsync(onA, nodeA, "d@org.nl", remember: false);
        var onB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        onB.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        var home = await onA.GetStringAsync(new Uri("/", UriKind.Relative));
        await onA.PostFormAsync("/afmelden", home, []);
        nodeB.Clock.AdvanceSeconds(6); // Web:SessionCheckSeconds is 5 by default

        AssertSentToSignIn(await onB.GetAsync(new Uri("/", UriKind.Relative)));
    }

    [Fact]
    public async Task StaySignedIn_MakesThePersistentCookie_AndOnlyWhenTicked()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var confirm = await factory.Client().GetStringAsync(new Uri("/aanmelden/bevestigen?t=" + new string('A', 43), UriKind.Relative));
        Assert.Contains("Aangemeld blijven", confirm, StringComparison.Ordinal);

        var session = await SignInForCookieAsync(factory.Client(), factory, "d@org.nl", remember: false);
        Assert.DoesNotContain("expires=", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("max-age=", session, StringComparison.OrdinalIgnoreCase);

        var persistent = await SignInForCookieAsync(factory.Client(), factory, "d@org.nl", remember: true);
        var expires = DateTimeOffset.Parse(Expires().Match(persistent).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(13), DateTimeOffset.UtcNow.AddDays(15));
    }

    /// <summary>Signs in through the mailed link and returns the session cookie as the service set it.</summary>
    internal static async Task<string> SignInForCookieAsync(HttpClient client, TimingFactory factory, string email, bool remember)
    {
        var link = await client.RequestLinkAsync(factory, email);
        var confirm = await client.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var fields = new Dictionary<string, string> { ["t"] = TokenField().Match(confirm).Groups[1].Value };
        if (remember)
        {
            fields["remember"] = "true";
        }
        var response = await client.PostFormAsync(link.PathAndQuery, confirm, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("timing-session=", StringComparison.Ordinal));
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/aanmelden", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<int> PersonIdAsync(TimingFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TimingDbContext>().People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
    }

    [GeneratedRegex("name=\"t\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("expires=([^;]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Expires();
}
