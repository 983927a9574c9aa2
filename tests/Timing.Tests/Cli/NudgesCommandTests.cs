using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using Timing.Storage;
using Timing.Tests.Web;
using Timing.Tests.Worker;

namespace Timing.Tests.Cli;

/// <summary><c>timing nudges preview</c> as an operator runs it: the real program against a real SQLite file.</summary>
public class NudgesCommandTests
{
    [Fact]
    public async Task Preview_PrintsTheDaysMail_WithoutSendingIt_AndNamesWhatIsWrong()
    {
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        LocalDate busy;
        await using (var factory = new TimingFactory(database, new FakeClock(Instant.FromUtc(2026, 12, 7, 6, 0))))
        {
            var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
            await factory.PlanAsync();
            busy = await factory.FirstDayWithSeveralRemindersAsync(director.Id);
        }
        var pickup = Path.Combine(dir, "pickup");
        var env = new Dictionary<string, string> { ["Storage__SqlitePath"] = database, ["Mail__PickupDirectory"] = pickup, ["Feeds__BaseUrl"] = "https://timing.test" };

        var shown = await ProcessRunner.RunAsync(["nudges", "preview", "--person", "directeur@welzijn.nl", "--date", busy.ToString("uuuu-MM-dd", null)], dir, env, TimeSpan.FromMinutes(3));

        Assert.True(shown.Exit == 0, shown.Error);
        Assert.Contains("To: directeur@welzijn.nl", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Subject: Amsterdam en Utrecht: ", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Uw herinneringen van vandaag", shown.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(pickup) && Directory.EnumerateFiles(pickup).Any(), "the preview sent a mail");
        await using (var check = new TimingFactory(database))
        {
            Assert.Equal(0, await check.WithDbAsync(db => db.Nudges.CountAsync(n => n.Kind == NudgeKinds.Daily || n.Message != null)));
        }

        // Without Feeds:BaseUrl a command listens nowhere: it says which address its links use instead of leaving it silent.
        Assert.DoesNotContain("Feeds:BaseUrl is not set", shown.Error, StringComparison.Ordinal);
        var unset = await ProcessRunner.RunAsync(["nudges", "preview", "--person", "directeur@welzijn.nl", "--date", busy.ToString("uuuu-MM-dd", null)], dir,
            new Dictionary<string, string> { ["Storage__SqlitePath"] = database, ["Mail__PickupDirectory"] = pickup }, TimeSpan.FromMinutes(3));
        Assert.Equal(0, unset.Exit);
        Assert.Contains("Links start with http://localhost:5000: Feeds:BaseUrl is not set", unset.Error, StringComparison.Ordinal);

        var nobody = await ProcessRunner.RunAsync(["nudges", "preview", "--person", "niemand@welzijn.nl", "--date", "2027-03-17"], dir, env, TimeSpan.FromMinutes(3));
        Assert.Equal(1, nobody.Exit);
        Assert.Contains("--person 'niemand@welzijn.nl' is nobody in this instance", nobody.Error, StringComparison.Ordinal);
        var badDate = await ProcessRunner.RunAsync(["nudges", "preview", "--person", "directeur@welzijn.nl", "--date", "17-03-2027"], dir, env, TimeSpan.FromMinutes(3));
        Assert.Equal(2, badDate.Exit);
        Assert.Contains("--date '17-03-2027' is not a valid date; expected YYYY-MM-DD", badDate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_OnTheDigestsMonday_ShowsTheWeeklyDigestTooForAPersonWhoChoseIt()
    {
        var dir = TestPaths.NewScratchDirectory();
        var database = Path.Combine(dir, "timing.db");
        await using (var factory = new TimingFactory(database, new FakeClock(Instant.FromUtc(2026, 12, 7, 6, 0))))
        {
            await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0344", "Utrecht"));
            await factory.SetNudgeModeAsync("directeur@welzijn.nl", Core.Nudges.NudgeMode.Digest);
        }
        var pickup = Path.Combine(dir, "pickup");
        var env = new Dictionary<string, string> { ["Storage__SqlitePath"] = database, ["Mail__PickupDirectory"] = pickup, ["Feeds__BaseUrl"] = "https://timing.test" };

        // Monday 14 December 2026 is a digest's day; Tuesday 15 December is not.
        var monday = await ProcessRunner.RunAsync(["nudges", "preview", "--person", "directeur@welzijn.nl", "--date", "2026-12-14"], dir, env, TimeSpan.FromMinutes(3));
        var tuesday = await ProcessRunner.RunAsync(["nudges", "preview", "--person", "directeur@welzijn.nl", "--date", "2026-12-15"], dir, env, TimeSpan.FromMinutes(3));

        Assert.True(monday.Exit == 0, monday.Error);
        Assert.Contains("Subject: Timing: deze week, vanaf ", monday.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Subject: Timing: deze week", tuesday.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(pickup) && Directory.EnumerateFiles(pickup).Any(), "the preview sent a mail");
    }
}
