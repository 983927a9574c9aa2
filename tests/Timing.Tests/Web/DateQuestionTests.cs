using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using Timing.Tests.Worker;

namespace Timing.Tests.Web;

/// <summary>What Timing no longer has to guess, it asks: a passed estimate is a question with a one-click answer.</summary>
public class DateQuestionTests
{
    private const string Question = "Is ‘Coalitieakkoord’ er al?";

    [Fact]
    public async Task FreshInstanceInDecember2026_AsksForTheCoalitionAgreement_AndOneClickAnswersIt()
    {
        await using var factory = new TimingFactory(clock: new FakeClock(Instant.FromUtc(2026, 12, 7, 9, 0)));
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostAndFollowAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative)));
        Assert.Contains(Question, page, StringComparison.Ordinal);
        Assert.Contains("id=\"answer-GM0344-coalition-agreement-2026\" name=\"Date\" type=\"date\" value=\"2026-12-07\"", page, StringComparison.Ordinal);
        var overview = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains(Question, overview, StringComparison.Ordinal);
        // The municipality's card does not state a guess as where things stand: negotiations are asked about, not "running".
        var card = overview[overview.IndexOf("<ul class=\"cards\">", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Coalitieonderhandelingen", card, StringComparison.Ordinal);

        // The one click: the date field as it stands (today), the moment in a hidden field.
        var answered = await client.PostAndFollowAsync("/gemeenten/GM0344?handler=Actual", page, new() { ["Kind"] = "coalition-agreement", ["Date"] = "2026-12-07" });
        Assert.DoesNotContain(Question, WebUtility.HtmlDecode(answered), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.ActualDates.Where(a => a.Kind == "coalition-agreement").Select(a => a.Cycle).SingleAsync());
        Assert.Equal(2026, stored);
    }

    [Fact]
    public async Task WeeklyDigest_AsksForThePassedCoalitionAgreement_AndLinksToWhereItIsAnswered()
    {
        // Monday 7 December 2026, 08:00 in Amsterdam: the digest's morning, months after the expected agreement.
        await using var factory = new TimingFactory(clock: new FakeClock(Instant.FromUtc(2026, 12, 7, 7, 0)));
        await factory.DirectorFollowingAsync("d@org.nl", "Org", ("GM0344", "Utrecht"));
        await factory.SetNudgeModeAsync("d@org.nl", Core.Nudges.NudgeMode.Digest);

        await factory.DigestAsync();

        var digest = Assert.Single(Browserless.Mails(factory), m => m.To.Mailboxes.Single().Address == "d@org.nl");
        Assert.Contains($"- {Question} – Utrecht\n", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Herinneringen wachten op de echte datum", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://timing.test/gemeenten/GM0344\n", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(Question, WebUtility.HtmlDecode(digest.HtmlBody), StringComparison.Ordinal);
    }

    /// <summary>A fresh instance on 7 December 2026 with a director following <paramref name="municipalities"/>, signed in.</summary>
    private static async Task<(TimingFactory Factory, HttpClient Client)> SignedInDecember2026Async(params (string Code, string Name)[] municipalities)
    {
        var factory = new TimingFactory(clock: new FakeClock(Instant.FromUtc(2026, 12, 7, 9, 0)));
        await factory.DirectorFollowingAsync("d@org.nl", "Org", municipalities);
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        return (factory, client);
    }

    [Fact]
    public async Task ThisWeek_AQuestionSharedByThreeMunicipalities_NamesThemAll_AndAnswersEachOne_BackOnTheOverview()
    {
        var (factory, client) = await SignedInDecember2026Async(("GM0363", "Amsterdam"), ("GM0088", "Schiermonnikoog"), ("GM0344", "Utrecht"));
        await using var _ = factory;

        var overview = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        // One line for the moment, naming every municipality, and an answer for each: their real dates differ.
        Assert.Contains(Question + "</strong> Amsterdam, Schiermonnikoog en Utrecht", overview, StringComparison.Ordinal);
        foreach (var code in new[] { "GM0363", "GM0088", "GM0344" })
        {
            Assert.Contains($"id=\"answer-{code}-coalition-agreement-2026\"", overview, StringComparison.Ordinal);
        }

        var answered = await client.PostFormAsync("/gemeenten/GM0088?handler=Actual", overview,
            new() { ["Kind"] = "coalition-agreement", ["Date"] = "2026-05-28", ["returnTo"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal("/", answered.Headers.Location!.OriginalString);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Contains("Werkelijke datum opgeslagen: Coalitieakkoord (2026), 28 mei 2026", after, StringComparison.Ordinal);
        Assert.Contains(Question + "</strong> Amsterdam en Utrecht", after, StringComparison.Ordinal);
        Assert.DoesNotContain("answer-GM0088-coalition-agreement-2026", after, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://elders.example/")]
    [InlineData("//elders.example/")]
    public async Task Answer_WithAReturnAddressElsewhere_GoesToTheMunicipalityPage(string elsewhere)
    {
        var (factory, client) = await SignedInDecember2026Async(("GM0344", "Utrecht"));
        await using var _ = factory;
        var page = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));

        var answered = await client.PostFormAsync("/gemeenten/GM0344?handler=Actual", page,
            new() { ["Kind"] = "coalition-agreement", ["Date"] = "2026-05-28", ["returnTo"] = elsewhere });

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.EndsWith("/gemeenten/GM0344", answered.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MomentPage_OfAPassedEstimate_AsksForTheRealDate_InsteadOfAnEstimateOfOneDay()
    {
        var (factory, client) = await SignedInDecember2026Async(("GM0344", "Utrecht"));
        await using var _ = factory;

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gemeenten/GM0344/momenten/coalition-agreement/2026", UriKind.Relative)));

        Assert.Contains(Question, page, StringComparison.Ordinal);
        Assert.Contains("id=\"answer-GM0344-coalition-agreement-2026\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"returnTo\" value=\"/gemeenten/GM0344/momenten/coalition-agreement/2026\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Verwacht tussen 7 december 2026 en 7 december 2026", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"lead\">Datum nog niet bekend</p>", page, StringComparison.Ordinal);
        // Its latest plausible day has passed too: the page does not call today "still possible until".
        Assert.DoesNotContain("nog mogelijk tot ma 7 dec 2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicPageAndPersonalFeed_OfAPassedEstimate_SayTimingExpectedItEarlier_NotBetweenTodayAndToday()
    {
        await using var factory = new TimingFactory(clock: new FakeClock(Instant.FromUtc(2026, 12, 7, 9, 0)));
        var director = await factory.DirectorFollowingAsync("d@org.nl", "Org", ("GM0344", "Utrecht"));
        var feed = await Timing.Tests.Feeds.PersonalFeedTests.FeedAddressAsync(factory, director.Email);
        var anonymous = factory.CreateClient();

        var page = WebUtility.HtmlDecode(await anonymous.GetStringAsync(new Uri("/openbaar/gemeenten/GM0344/momenten/coalition-agreement/2026", UriKind.Relative)));
        var ics = (await anonymous.GetStringAsync(new Uri(feed, UriKind.Relative))).Replace("\r\n ", "", StringComparison.Ordinal).Replace("\\;", ";", StringComparison.Ordinal);

        Assert.Contains("Timing verwachtte dit eerder; de echte datum is nog niet ingevuld.", page, StringComparison.Ordinal);
        Assert.Contains("Timing verwachtte dit eerder; de echte datum is nog niet ingevuld", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Verwacht tussen 7 december 2026 en 7 december 2026", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Verwacht tussen 7 december 2026 en 7 december 2026", ics, StringComparison.Ordinal);
        Assert.Contains("Wanneer: datum nog niet bekend", ics, StringComparison.Ordinal);
        // The public page states no date it does not know: not today as an estimate, not "this is an estimate".
        Assert.Contains("<p class=\"lead\">Datum nog niet bekend</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("7 december 2026 · schatting", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Dit is een schatting", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeeklyDigest_AQuestionForSeveralMunicipalities_LinksToTheOverviewThatAsksForEach()
    {
        await using var factory = new TimingFactory(clock: new FakeClock(Instant.FromUtc(2026, 12, 7, 7, 0)));
        await factory.DirectorFollowingAsync("d@org.nl", "Org", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        await factory.SetNudgeModeAsync("d@org.nl", Core.Nudges.NudgeMode.Digest);

        await factory.DigestAsync();

        var digest = Assert.Single(Browserless.Mails(factory), m => m.To.Mailboxes.Single().Address == "d@org.nl");
        var text = digest.TextBody ?? "";
        var line = text[text.IndexOf($"- {Question} – Amsterdam en Utrecht\n", StringComparison.Ordinal)..];
        Assert.StartsWith($"- {Question} – Amsterdam en Utrecht\n", line, StringComparison.Ordinal);
        Assert.Contains("een directeur vult die met één klik in in het overzicht, voor elke gemeente apart.", line.Split("\n- ")[0], StringComparison.Ordinal);
        Assert.EndsWith("https://timing.test/", line.Split("\n- ")[0].TrimEnd(), StringComparison.Ordinal);
    }
}
