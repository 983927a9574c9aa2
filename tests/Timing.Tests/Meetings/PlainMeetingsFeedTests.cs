using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;
using Timing.Tests.Cli;
using Timing.Tests.Feeds;
using Timing.Tests.Worker;

namespace Timing.Tests.Meetings;

/// <summary>
/// Plain council meetings — those that date no moment — appear in a feed only when it asks (meetings=yes), versioned
/// like every other event, and read the same by two independent iCalendar parsers.
/// </summary>
[Trait("Needs", "ical-parsers")]
public class PlainMeetingsFeedTests
{
    private static Dictionary<string, string?> Settings(TimingFactory factory) => new() { ["Storage:SqlitePath"] = factory.DatabasePath };

    private static JsonElement[] Events(JsonElement parsed) => parsed.GetProperty("events").EnumerateArray().ToArray();

    private static string Uid(JsonElement e) => e.GetProperty("uid").GetString()!;

    private static Task<long> MeetingIdAsync(TimingFactory factory, string externalId) =>
        factory.WithDbAsync(db => db.Meetings.Where(m => m.ExternalId == externalId).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task PublicFeed_ShowsPlainMeetingsOnlyWhenAsked_AndVersionsThemLikeOtherEvents()
    {
        await using var factory = new TimingFactory();
        Assert.Equal(0, CliRunner.Run(Settings(factory), "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs).Exit);
        var client = factory.CreateClient();
        var plain = await client.GetByteArrayAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative));
        Assert.DoesNotContain(".meeting.", System.Text.Encoding.UTF8.GetString(plain), StringComparison.Ordinal);

        var withMeetings = await client.GetByteArrayAsync(new Uri("/feeds/GM0344.ics?meetings=yes", UriKind.Relative));
        var (python, js) = IndependentParsers.Both(withMeetings);
        var question = $"GM0344.meeting.{await MeetingIdAsync(factory, "gr-2027-11-18@raad.example.nl")}@timing.test";
        var committee = $"GM0344.meeting.{await MeetingIdAsync(factory, "cbm-2027-06-10@raad.example.nl")}@timing.test";
        var debate = $"GM0344.meeting.{await MeetingIdAsync(factory, "gr-2027-11-04@raad.example.nl")}@timing.test";
        foreach (var parsed in new[] { python, js })
        {
            var events = Events(parsed);
            // A meeting no rule matches is there, on its day, under the council's own title.
            var hour = events.Single(e => Uid(e) == question);
            Assert.Equal("Vragenhalfuur en moties vreemd aan de orde", hour.GetProperty("summary").GetString());
            Assert.StartsWith("2027-11-18", hour.GetProperty("start").GetString(), StringComparison.Ordinal);
            // So is a committee meeting whose match nobody confirmed; a meeting that dates its moment shows as that moment only.
            Assert.Contains(events, e => Uid(e) == committee);
            Assert.DoesNotContain(events, e => Uid(e) == debate);
            Assert.Contains(events, e => Uid(e) == "GM0344.budget-debate.2027@timing.test");
        }
        var text = MeetingImportTests.Unfold(System.Text.Encoding.UTF8.GetString(withMeetings));
        var hourEvent = MeetingImportTests.Event(text, question);
        Assert.Contains("Wanneer: 18 november 2027 om 20.00 uur", hourEvent, StringComparison.Ordinal);
        Assert.Contains("Waar: Raadzaal, Stadskantoor", hourEvent.Replace("\\,", ",", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("CATEGORIES:Raadsvergadering", hourEvent, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", hourEvent, StringComparison.Ordinal);
        // Asking for the meetings changes none of the moments' events.
        var plainText = MeetingImportTests.Unfold(System.Text.Encoding.UTF8.GetString(plain));
        Assert.Equal(MeetingImportTests.Event(plainText, "GM0344.budget-debate.2027@"), MeetingImportTests.Event(text, "GM0344.budget-debate.2027@"));

        // The griffie moves the question hour: the same event moves with the next SEQUENCE; the others keep theirs.
        var moved = Path.Combine(TestPaths.NewScratchDirectory(), "council.ics");
        File.WriteAllText(moved, File.ReadAllText(Recorded.CouncilIcs).Replace("20271118T", "20271125T", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run(Settings(factory), "meetings", "import", "--municipality", "GM0344", moved).Exit);
        factory.Clock.Advance(Duration.FromSeconds(10));
        var after = MeetingImportTests.Unfold(await client.GetStringAsync(new Uri("/feeds/GM0344.ics?meetings=yes", UriKind.Relative)));
        var movedEvent = MeetingImportTests.Event(after, question);
        Assert.Contains("DTSTART;VALUE=DATE:20271125", movedEvent, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", movedEvent, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", MeetingImportTests.Event(after, committee), StringComparison.Ordinal);

        var refused = await client.GetAsync(new Uri("/feeds/GM0344.ics?meetings=maybe", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Query parameter 'meetings'", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalFeed_AddsTheMeetingsOfThePersonsMunicipalities_WhenItsAddressAsks()
    {
        await using var factory = new TimingFactory();
        Assert.Equal(0, CliRunner.Run(Settings(factory), "meetings", "import", "--municipality", "GM0344", Recorded.CouncilIcs).Exit);
        await factory.SeedAsync(("anna@org.nl", Core.Cycle.Language.En, "finance"));
        var feed = await PersonalFeedTests.FeedAddressAsync(factory, "anna@org.nl");
        var client = factory.CreateClient();
        var question = $"GM0344.meeting.{await MeetingIdAsync(factory, "gr-2027-11-18@raad.example.nl")}@timing.test";

        var without = Events(IndependentParsers.IcalJs(await client.GetByteArrayAsync(new Uri(feed, UriKind.Relative))));
        Assert.DoesNotContain(without, e => Uid(e).Contains(".meeting.", StringComparison.Ordinal));
        var with = Events(IndependentParsers.IcalJs(await client.GetByteArrayAsync(new Uri(feed + "?meetings=yes", UriKind.Relative))));
        var hour = with.Single(e => Uid(e) == question);
        Assert.Equal("Vragenhalfuur en moties vreemd aan de orde", hour.GetProperty("summary").GetString());
        Assert.Contains("When: 18 November 2027 at 20:00", hour.GetProperty("description").GetString(), StringComparison.Ordinal);
        // The person's own audience filter still applies to the moments.
        Assert.Equal(without.Select(Uid), with.Select(Uid).Where(u => !u.Contains(".meeting.", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri(feed + "?meetings=1", UriKind.Relative))).StatusCode);
    }
}
