using Timing.Core.Cycle;
using Timing.Feeds;
using Timing.Municipalities;

namespace Timing.Tests.Feeds;

/// <summary>
/// Outlook's month view shows about 22 characters of an all-day event: the first 20 of every SUMMARY in
/// every municipality's public feed must say what happens.
/// </summary>
public class FeedTitleTests
{
    private static readonly FeedOptions Options = new() { UidHost = "timing.test", BaseUrl = "https://timing.test" };

    [Theory]
    [InlineData(Language.Nl, "start", "einde")]
    [InlineData(Language.En, "start", "end")]
    public void EverySummary_OfEveryMunicipality_SaysWhatHappensInTwentyCharacters(Language language, string opens, string closes)
    {
        var rules = Timing.Rules.CycleRulesLoader.Load(TestPaths.ConfigDirectory).Rules!;
        var planner = new CyclePlanner(rules);
        var builder = new FeedEventBuilder(rules, Options);
        var municipalities = MunicipalityList.Load(TestPaths.MunicipalitiesCsv);
        Assert.True(municipalities.Count > 300, "the test list should hold every municipality");
        var horizon = Options.Horizon(new LocalDate(2026, 11, 22));
        var checkedTitles = 0;
        foreach (var municipality in municipalities)
        {
            var timeline = planner.Plan(new MunicipalityProfile(municipality), horizon);
            foreach (var e in builder.Build([timeline], FeedFilter.All, language, builder.PublicMomentUrl))
            {
                var summary = e.Summary;
                Assert.True(summary.Length <= FeedTitles.MonthView, $"{e.Uid}: '{summary}' is longer than {FeedTitles.MonthView} characters");
                Assert.DoesNotContain("[", summary, StringComparison.Ordinal);
                var edge = e.Uid.Contains(".opens@", StringComparison.Ordinal) ? opens : e.Uid.Contains(".closes@", StringComparison.Ordinal) ? closes : null;
                var name = summary.TrimEnd('?');
                if (edge is not null)
                {
                    Assert.EndsWith(": " + edge, name, StringComparison.Ordinal);
                    name = name[..^(edge.Length + 2)];
                }
                else
                {
                    Assert.False(name.EndsWith(" " + opens, StringComparison.Ordinal) || name.EndsWith(" " + closes, StringComparison.Ordinal), summary);
                }
                Assert.Equal(e.Status == FeedStatus.Tentative, summary.EndsWith(FeedTitles.ExpectedMark, StringComparison.Ordinal));
                Assert.True(name.Length >= 4, $"{e.Uid}: '{summary}' has no name");
                // The phase moved to CATEGORIES; the full name, the edge and "(verwacht)" open the description.
                var phase = e.Categories[0];
                Assert.Contains(rules.Phases, p => p.Name.In(language) == phase);
                var first = e.Description.Split('\n')[0];
                Assert.Equal(e.Status == FeedStatus.Tentative, first.EndsWith(language == Language.En ? "(expected)" : "(verwacht)", StringComparison.Ordinal));
                checkedTitles++;
            }
        }
        Assert.True(checkedTitles > 300 * 50, $"{checkedTitles} titles checked");
    }
}
