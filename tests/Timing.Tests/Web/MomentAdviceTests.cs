using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Mail;
using Timing.Tests.Worker;
using Calendar = Ical.Net.Calendar;

namespace Timing.Tests.Web;

/// <summary>
/// The advice and "what to bring" of a moment come from one place (the moment, for its year of the term), so the
/// public page, the signed-in page, the feed and the mail say the same thing.
/// </summary>
public class MomentAdviceTests
{
    private static readonly MunicipalityCode Utrecht = MunicipalityCode.Parse("GM0344");

    [Fact]
    public async Task EveryMomentAndYearOfTheTerm_SaysTheSameAdviceAndWhatToBring_OnPagesFeedAndMail()
    {
        await using var factory = new TimingFactory();
        var planner = factory.Services.GetRequiredService<CyclePlanner>();
        var messages = factory.Services.GetRequiredService<NudgeMessages>();
        var municipality = new Municipality(Utrecht, "Utrecht");
        var profile = new MunicipalityProfile(municipality);
        var publicClient = factory.CreateClient();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var director = factory.Client();
        await director.SignInAsync(factory, "d@org.nl");
        var add = await director.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await director.PostAndFollowAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });

        // A whole term and the years around it: every year of the term occurs for the yearly moments.
        var moments = planner.Plan(profile, new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2030, 12, 31))).Moments
            .GroupBy(m => (m.Kind, m.TermYear)).Select(g => g.First()).ToArray();
        Assert.Equal(4, moments.Where(m => m.Kind == MomentKinds.FrameworkNote).Select(m => m.TermYear).Distinct().Count());
        // Every kind with dates of its own is compared, the subsidy calendar and the kadernota steps included.
        var rules = factory.Services.GetRequiredService<CycleRules>();
        Assert.Equal(rules.Moments.Where(d => !d.IsEntered).Select(d => d.Kind).Order(), moments.Select(m => m.Kind).Distinct().Order());

        var feed = Calendar.Load(Encoding.UTF8.GetString(await publicClient.GetByteArrayAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative))))!;
        var checkedInFeed = 0;
        foreach (var moment in moments)
        {
            var expected = new List<string> { moment.Advice.Nl };
            if (moment.Bring is { } bring)
            {
                expected.Add(bring.Nl);
            }
            var path = $"momenten/{moment.Kind}/{moment.Cycle}";
            var publicPage = WebUtility.HtmlDecode(await publicClient.GetStringAsync(new Uri($"/openbaar/gemeenten/GM0344/{path}", UriKind.Relative)));
            var ownPage = WebUtility.HtmlDecode(await director.GetStringAsync(new Uri($"/gemeenten/GM0344/{path}", UriKind.Relative)));
            var mail = await messages.NudgeAsync("d@org.nl", "D", Language.Nl, municipality, moment, new NudgeLead(MomentEdge.Start, Period.Zero),
                moment.Start, "<m@timing.test>", "token", factory.Clock.GetCurrentInstant());
            var mailText = mail.TextBody ?? "";
            var uid = $"GM0344.{moment.Kind}.{moment.Cycle}";
            var events = feed.Events.Where(e => e.Uid is { } u && (u.StartsWith(uid + "@", StringComparison.Ordinal) || u.StartsWith(uid + ".", StringComparison.Ordinal))).ToArray();
            checkedInFeed += events.Length > 0 ? 1 : 0;
            foreach (var text in expected)
            {
                Assert.True(publicPage.Contains(text, StringComparison.Ordinal), $"public page of {moment.Key} lacks: {text}");
                Assert.True(ownPage.Contains(text, StringComparison.Ordinal), $"signed-in page of {moment.Key} lacks: {text}");
                Assert.True(mailText.Contains(text, StringComparison.Ordinal), $"mail of {moment.Key} lacks: {text}");
                Assert.All(events, e => Assert.True(e.Description!.Contains(text, StringComparison.Ordinal), $"feed event {e.Uid} lacks: {text}"));
            }
            if (moment.Bring is null)
            {
                Assert.DoesNotContain("Wat neemt u mee", publicPage, StringComparison.Ordinal);
                Assert.DoesNotContain("Wat neemt u mee", mailText, StringComparison.Ordinal);
            }
        }
        // The feed covers the present and the coming years, so most of these moments are in it.
        Assert.True(checkedInFeed > moments.Length / 2, $"only {checkedInFeed} of {moments.Length} moments were in the feed");
    }

    /// <summary>The moments of 2027 named by a budget year, the full name, and the short title its feed events carry.</summary>
    public static readonly TheoryData<string, string, string> BudgetYearMoments2027 = new()
    {
        // A window longer than two weeks shows "…: start"; where the four digits do not fit in 20 characters, "'28".
        { "framework-note", "Kadernota 2028", "Kadernota '28: start" },
        { "budget-debate", "Programmabegroting 2028", "Begroting '28: start" },
        { "draft-budget", "Ontwerpbegroting 2028", "Ontwerp 2028: start" },
        { "annual-accounts", "Jaarstukken 2026", "Rekening 2026: start" },
        { "framework-note-preparation", "Voorbereiding kadernota 2028", "Voorwerk 2028: start" },
        { "budget-deadline", "Uiterste datum begroting 2028 aan gedeputeerde staten", "Begroting '28 aan GS" },
        { "annual-accounts-deadline", "Uiterste datum jaarstukken 2026 aan gedeputeerde staten", "Rekening 2026 aan GS" },
    };

    [Theory]
    [MemberData(nameof(BudgetYearMoments2027))]
    public async Task BudgetYearNames_In2027_AreThoseOfTheDocuments_OnEverySurfaceAUserReads(string kind, string name, string summary)
    {
        await using var factory = new TimingFactory();
        var planner = factory.Services.GetRequiredService<CyclePlanner>();
        var messages = factory.Services.GetRequiredService<NudgeMessages>();
        var municipality = new Municipality(Utrecht, "Utrecht");
        var timeline = planner.Plan(new MunicipalityProfile(municipality), new DateInterval(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31)));
        var moment = timeline.Find(kind, 2027)!;
        var client = factory.CreateClient();
        var director = await factory.DirectorFollowingAsync("d@org.nl", "Org", ("GM0344", "Utrecht"), ("GM0363", "Amsterdam"));

        // Feeds, through the real endpoints: the public one of one municipality, and a personal one whose events name
        // both municipalities (grouped, the default) or each separately.
        var personal = await Timing.Tests.Feeds.PersonalFeedTests.FeedAddressAsync(factory, director.Email);
        foreach (var (address, suffix) in new[] { ("/feeds/GM0344.ics", ""), (personal, " · Amsterdam en Utrecht"), (personal + "?group=no", " · Utrecht") })
        {
            var feed = Calendar.Load(Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri(address, UriKind.Relative))))!;
            // A grouped event keeps the UID of its first municipality, whichever that is.
            var events = feed.Events.Where(e => e.Uid!.Contains($".{kind}.2027", StringComparison.Ordinal)
                && (suffix.Contains(" en ", StringComparison.Ordinal) || e.Uid.StartsWith("GM0344.", StringComparison.Ordinal))).ToArray();
            Assert.NotEmpty(events);
            var first = events.OrderBy(e => e.DtStart!.Value).First();
            Assert.Equal((moment.IsPoint ? summary.Replace(": start", "", StringComparison.Ordinal) : summary) + suffix, first.Summary);
            Assert.All(events, e => Assert.StartsWith(name, e.Description, StringComparison.Ordinal));
        }

        // Pages: public and signed-in; the address keeps the calendar year the moment falls in.
        var publicPage = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/openbaar/gemeenten/GM0344/momenten/{kind}/2027", UriKind.Relative)));
        Assert.Contains($"<h1>{name}", publicPage, StringComparison.Ordinal);
        var signedIn = factory.Client();
        await signedIn.SignInAsync(factory, director.Email);
        var ownPage = WebUtility.HtmlDecode(await signedIn.GetStringAsync(new Uri($"/gemeenten/GM0344/momenten/{kind}/2027", UriKind.Relative)));
        Assert.Contains($"<h1>{name}", ownPage, StringComparison.Ordinal);

        // Mail: a single reminder, the day's bundle and the weekly digest.
        var lead = new NudgeLead(MomentEdge.Start, Period.Zero);
        var now = factory.Clock.GetCurrentInstant();
        var nudge = await messages.NudgeAsync("d@org.nl", "D", Language.Nl, municipality, moment, lead, moment.Start, "<m@timing.test>", "token", now);
        Assert.Contains(name, nudge.Subject, StringComparison.Ordinal);
        var daily = await messages.DailyAsync("d@org.nl", "D", Language.Nl, [(municipality, moment, lead)], [], moment.Start, "<d@timing.test>", "token", now);
        Assert.Contains(name, daily.Subject, StringComparison.Ordinal);
        Assert.Contains(name, daily.TextBody, StringComparison.Ordinal);
        var digest = await messages.DigestAsync("d@org.nl", "D", Language.Nl,
            [new ThisWeekItem(municipality, moment, false, moment.Start, moment.Definition.Action ?? moment.Advice)], moment.Start.PlusDays(-7), "<w@timing.test>", "token", now);
        Assert.Contains(name, digest.TextBody, StringComparison.Ordinal);

        // The command line's plan.
        var plan = Timing.Tests.Cli.CliRunner.Run("plan", "--municipality", "GM0344", "--from", "2027-01-01", "--to", "2027-12-31");
        Assert.Equal(0, plan.Exit);
        Assert.Contains(name, plan.Output, StringComparison.Ordinal);
    }
}
