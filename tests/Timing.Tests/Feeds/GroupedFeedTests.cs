using System.Text.Json;
using Timing.Core.Cycle;
using Timing.Storage;
using Timing.Tests.Worker;

namespace Timing.Tests.Feeds;

/// <summary>
/// A personal feed over several municipalities has one event per moment and day, naming them all (group=yes, the
/// default); group=no keeps an event per municipality. Read back by the independent parsers.
/// </summary>
[Trait("Needs", "ical-parsers")]
public class GroupedFeedTests
{
    private static JsonElement[] Events(JsonElement parsed) => parsed.GetProperty("events").EnumerateArray().ToArray();

    [Fact]
    public async Task PersonalFeed_ThreeMunicipalities_OneEventPerMomentAndDay_NamingThemAll_WithStableUids()
    {
        await using var factory = new TimingFactory();
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0088", "Schiermonnikoog"), ("GM0344", "Utrecht"));
        var address = await PersonalFeedTests.FeedAddressAsync(factory, director.Email);
        var client = factory.CreateClient();

        var grouped = IndependentParsers.Both(await client.GetByteArrayAsync(new Uri(address, UriKind.Relative))).IcalJs;
        var separate = IndependentParsers.Both(await client.GetByteArrayAsync(new Uri(address + "?group=no", UriKind.Relative))).IcalJs;

        var one = Events(grouped);
        var each = Events(separate);
        Assert.True(one.Length * 2 < each.Length, $"{one.Length} grouped events against {each.Length} separate ones");
        // The December circular of 2027: its events name the three municipalities, a third as many as group=no gives.
        static bool Circular(JsonElement e) => e.GetProperty("uid").GetString()!.Contains(".december-circular.2027", StringComparison.Ordinal);
        var circular = one.Where(Circular).ToList();
        Assert.NotEmpty(circular);
        Assert.All(circular, e => Assert.EndsWith(" · Amsterdam, Schiermonnikoog en Utrecht", e.GetProperty("summary").GetString(), StringComparison.Ordinal));
        Assert.All(circular, e => Assert.Contains("Gemeenten: Amsterdam (GM0363), Schiermonnikoog (GM0088), Utrecht (GM0344)", e.GetProperty("description").GetString(), StringComparison.Ordinal));
        Assert.Equal(3 * circular.Count, each.Count(Circular));
        // A grouped event keeps the UID of its first municipality's event: switching the option changes no UID's meaning.
        var separateUids = each.Select(e => e.GetProperty("uid").GetString()).ToHashSet();
        Assert.All(one, e => Assert.Contains(e.GetProperty("uid").GetString(), separateUids));
    }

    [Fact]
    public async Task PersonalFeed_ElevenMunicipalities_TitlesNameTwoAndCountTheRest_DescriptionsListThemAll()
    {
        await using var factory = new TimingFactory();
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn",
            ("GM0363", "Amsterdam"), ("GM0202", "Arnhem"), ("GM0772", "Eindhoven"), ("GM0014", "Groningen"), ("GM1966", "Het Hogeland"),
            ("GM0268", "Nijmegen"), ("GM0599", "Rotterdam"), ("GM0088", "Schiermonnikoog"), ("GM0855", "Tilburg"), ("GM0344", "Utrecht"), ("GM0193", "Zwolle"));
        var address = await PersonalFeedTests.FeedAddressAsync(factory, director.Email);

        var events = Events(IndependentParsers.Both(await factory.CreateClient().GetByteArrayAsync(new Uri(address, UriKind.Relative))).IcalJs);

        var circular = events.Where(e => e.GetProperty("uid").GetString()!.Contains(".december-circular.2027", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(circular);
        Assert.All(circular, e => Assert.EndsWith(" · Amsterdam, Arnhem en 9 andere gemeenten", e.GetProperty("summary").GetString(), StringComparison.Ordinal));
        Assert.All(circular, e => Assert.Contains("Het Hogeland (GM1966), Nijmegen (GM0268)", e.GetProperty("description").GetString(), StringComparison.Ordinal));
        // A calendar title stays a title: Outlook cuts a subject at 255 characters, a week view shows far fewer.
        var longest = events.MaxBy(e => e.GetProperty("summary").GetString()!.Length).GetProperty("summary").GetString()!;
        Assert.True(longest.Length <= 80, $"'{longest}' has {longest.Length} characters");
    }

    [Fact]
    public async Task Colleagues_WithOtherChoices_NeverGetEachOthersSharedRendering()
    {
        await using var factory = new TimingFactory();
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0088", "Schiermonnikoog"), ("GM0344", "Utrecht"));
        await factory.WithDbAsync(db =>
        {
            Person Colleague(string email, Language language) => new() { Email = email, OrganisationId = director.OrganisationId, Accepted = Instant.FromUnixTimeSeconds(0), Language = language };
            db.People.Add(Colleague("en@welzijn.nl", Language.En));
            var two = Colleague("twee@welzijn.nl", Language.Nl);
            two.Municipalities = StoredSets.Of(["GM0363", "GM0344"]);
            db.People.Add(two);
            var finance = Colleague("geld@welzijn.nl", Language.Nl);
            finance.Audiences = StoredSets.Of(["finance"]);
            db.People.Add(finance);
            db.People.Add(Colleague("zelfde@welzijn.nl", Language.Nl));
            return db.SaveChangesAsync();
        });
        var client = factory.CreateClient();
        async Task<string> Feed(string email, string query = "") =>
            System.Text.Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri(await PersonalFeedTests.FeedAddressAsync(factory, email) + query, UriKind.Relative)));
        static string[] Summaries(string ics) => ics.Split("\r\n").Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal)).ToArray();

        // The director's rendering is made first, so every colleague after could be handed it by mistake.
        var mine = await Feed(director.Email);
        var separate = await Feed(director.Email, "?group=no");
        var english = await Feed("en@welzijn.nl");
        var two = await Feed("twee@welzijn.nl");
        var finance = await Feed("geld@welzijn.nl");
        var same = await Feed("zelfde@welzijn.nl");

        Assert.Contains("SUMMARY:Prinsjesdag · Amsterdam\\, Schiermonnikoog en Utrecht", Summaries(mine));
        Assert.Contains("SUMMARY:Prinsjesdag · Amsterdam", Summaries(separate));
        Assert.True(Summaries(separate).Length > 2 * Summaries(mine).Length, "group=no is a rendering of its own");
        Assert.Contains("SUMMARY:Budget Day · Amsterdam\\, Schiermonnikoog and Utrecht", Summaries(english));
        Assert.DoesNotContain(Summaries(two), l => l.Contains("Schiermonnikoog", StringComparison.Ordinal));
        Assert.Contains("SUMMARY:Prinsjesdag · Amsterdam en Utrecht", Summaries(two));
        Assert.True(Summaries(finance).Length < Summaries(mine).Length, "the finance adviser's audience narrows the feed");
        // A colleague with the director's very choices shares the director's rendering, byte for byte.
        Assert.Equal(mine, same);
        Assert.Equal(mine, await Feed(director.Email));
    }

    [Fact]
    public async Task PersonalFeed_UnknownGroupValue_IsRefusedWithAMessageNamingIt()
    {
        await using var factory = new TimingFactory();
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        var address = await PersonalFeedTests.FeedAddressAsync(factory, director.Email);
        var response = await factory.CreateClient().GetAsync(new Uri(address + "?group=maybe", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Parameter 'group': 'maybe' kennen we niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
