using System.Net;
using System.Text;

namespace Timing.Tests.Web;

/// <summary>Every event of a public feed links to a page anyone can open, without signing in.</summary>
public class PublicMomentTests
{
    [Fact]
    public async Task EveryLinkInThePublicFeed_OpensWithoutSignIn()
    {
        await using var factory = new TimingFactory();
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ics = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative)));
        var urls = ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n")
            .Where(l => l.StartsWith("URL:", StringComparison.Ordinal)).Select(l => new Uri(l[4..])).Distinct().ToArray();
        Assert.True(urls.Length > 30);
        foreach (var url in urls)
        {
            Assert.Equal("timing.test", url.Host);
            var response = await client.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url.PathAndQuery}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task MomentPage_SaysWhenWhomWhyWhatToBringAndHowToSubscribe_InDutchAndEnglish()
    {
        // 1 April 2026: the agreement is still ahead, so the page shows the estimate with its range (once it has passed, it asks instead).
        await using var factory = new TimingFactory(clock: new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 4, 1, 9, 0)));
        var client = factory.CreateClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/openbaar/gemeenten/GM0344/momenten/coalition-agreement/2026", UriKind.Relative)));
        foreach (var expected in new[]
                 {
                     "<html lang=\"nl\"", "Gemeente Utrecht", "<h1>Coalitieakkoord</h1>", "schatting", "Verwacht tussen 20 april 2026 en 16 juli 2026",
                     "Wie u benadert", "onderhandelaars, college, ambtenaren", "Waarom nu", "Het coalitieakkoord legt de plannen voor de periode vast",
                     "Wat neemt u mee", "Abonneren", "https://timing.test/feeds/GM0344.ics", "https://timing.test/feeds/GM0344.ics?audience=negotiators,college,civil-servants",
                 })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", page); // scripts only from files: no inline script
        Assert.DoesNotContain(" style=", page, StringComparison.OrdinalIgnoreCase);

        var english = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/openbaar/gemeenten/GM0344/momenten/election/2026?lang=en", UriKind.Relative)));
        foreach (var expected in new[] { "<html lang=\"en\"", "Municipality Utrecht", "Municipal council elections", "18 March 2026", "set by law", "Whom to approach", "Why now", "Subscribe" })
        {
            Assert.Contains(expected, english, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MomentPage_OfAnotherArenasEstimate_SaysTheGovernmentFixesTheDate_NotTheMunicipality()
    {
        await using var factory = new TimingFactory();
        var page = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync(new Uri("/openbaar/gemeenten/GM0344/momenten/european-election/2029", UriKind.Relative)));
        Assert.Contains("De datum ligt vast zodra de regering hem bekendmaakt.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("hangt af van de gemeente", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/openbaar/gemeenten/GM9999/momenten/election/2026")]
    [InlineData("/openbaar/gemeenten/GM34/momenten/election/2026")]
    [InlineData("/openbaar/gemeenten/GM0344/momenten/verkiezing/2026")]
    [InlineData("/openbaar/gemeenten/GM0344/momenten/election/2027")]
    [InlineData("/openbaar/gemeenten/GM0344/momenten/election/9999")]
    public async Task UnknownMoment_IsNotFound(string path)
    {
        await using var factory = new TimingFactory();
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
