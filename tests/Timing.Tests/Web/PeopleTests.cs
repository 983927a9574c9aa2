using System.Net;
using System.Text.RegularExpressions;

namespace Timing.Tests.Web;

[Trait("Needs", "ical-parsers")]
public partial class PeopleTests
{
    [Fact]
    public async Task Director_AddsColleague_WhoGetsAnEnglishFeedForHerAudiences()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var director = factory.Client();
        await director.SignInAsync(factory, "d@org.nl");
        var add = await director.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await director.PostFormAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });

        var people = await director.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        var form = new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", AntiForgery().Match(people).Groups[1].Value),
            new("Email", "Collega@Org.nl"), new("Name", "Anna"), new("Language", "en"),
            new("SelectedAudiences", "finance"), new("SelectedMunicipalities", "GM0344"),
        ]);
        var saved = await director.PostAsync(new Uri("/mensen?handler=Save", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("collega@org.nl", await director.GetStringAsync(new Uri("/mensen", UriKind.Relative)), StringComparison.Ordinal);

        var colleague = factory.Client();
        await colleague.SignInAsync(factory, "collega@org.nl");
        var made = await colleague.MakeFeedAsync();
        var feed = await colleague.GetByteArrayAsync(new Uri(FeedPath().Match(made).Value, UriKind.Relative));
        var events = Feeds.IndependentParsers.IcalJs(feed).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("summary").GetString()!).ToArray();
        Assert.Contains("Budget Day", events);
        Assert.DoesNotContain(events, e => e.Contains("Council election", StringComparison.Ordinal));

        // A colleague cannot manage people.
        var denied = await colleague.GetAsync(new Uri("/mensen", UriKind.Relative));
        Assert.StartsWith("/geen-toegang", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadEmail_IsShownNextToTheField_AndNobodyIsAdded()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var director = factory.Client();
        await director.SignInAsync(factory, "d@org.nl");
        var people = await director.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        var response = await director.PostFormAsync("/mensen?handler=Save", people, new() { ["Email"] = "not-an-address", ["Language"] = "nl" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"email-error\">Vul een geldig e-mailadres in", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not-an-address</td>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex(@"/feeds/p/[A-Za-z0-9_-]{43}\.ics")]
    private static partial Regex FeedPath();
}
