using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Timing.Core.Cycle;
using Timing.Mail;
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

    [Fact]
    public async Task BudgetYearNames_In2027_AreThoseOfTheDocuments_OnPagesFeedAndMail()
    {
        await using var factory = new TimingFactory();
        var planner = factory.Services.GetRequiredService<CyclePlanner>();
        var messages = factory.Services.GetRequiredService<NudgeMessages>();
        var municipality = new Municipality(Utrecht, "Utrecht");
        var timeline = planner.Plan(new MunicipalityProfile(municipality), new DateInterval(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31)));
        var client = factory.CreateClient();
        var feed = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/feeds/GM0344.ics", UriKind.Relative))).Replace("\r\n ", "", StringComparison.Ordinal);
        foreach (var (kind, name) in new[] { ("framework-note", "Kadernota 2028"), ("budget-debate", "Programmabegroting 2028"), ("annual-accounts", "Jaarstukken 2026") })
        {
            var moment = timeline.Find(kind, 2027)!;
            // The address keeps the calendar year the moment falls in.
            var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/openbaar/gemeenten/GM0344/momenten/{kind}/2027", UriKind.Relative)));
            Assert.Contains($"<h1>{name}", page, StringComparison.Ordinal);
            var mail = await messages.NudgeAsync("d@org.nl", "D", Language.Nl, municipality, moment, new NudgeLead(MomentEdge.Start, Period.Zero),
                moment.Start, "<m@timing.test>", "token", factory.Clock.GetCurrentInstant());
            Assert.Contains(name, mail.Subject, StringComparison.Ordinal);
            Assert.Contains($"DESCRIPTION:{name}", feed, StringComparison.Ordinal);
        }
    }
}
