using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime.Testing;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;
using Timing.Tests.Web;
using Timing.Worker;

namespace Timing.Tests.Worker;

/// <summary>One reminder mail per person per day, driven through the real planner and dispatcher with the clock moved by the test.</summary>
public class DailyBundleTests
{
    private static readonly (string Code, string Name)[] TenMunicipalities =
    [
        ("GM0014", "Groningen"), ("GM0193", "Zwolle"), ("GM0200", "Apeldoorn"), ("GM0202", "Arnhem"), ("GM0268", "Nijmegen"),
        ("GM0344", "Utrecht"), ("GM0363", "Amsterdam"), ("GM0518", "'s-Gravenhage"), ("GM0599", "Rotterdam"), ("GM0772", "Eindhoven"),
    ];

    /// <summary>Moves the clock through the days at 09:00 Amsterdam (planning on Mondays, as the hourly job would have), dispatching each day; the mails that arrived, by day.</summary>
    private static async Task<List<(LocalDate Day, MimeMessage Message)>> RunDaysAsync(TimingFactory factory, LocalDate first, LocalDate last)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var arrivals = new List<(LocalDate, MimeMessage)>();
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            factory.Clock.Reset(day.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
            if (day == first || day.DayOfWeek == IsoDayOfWeek.Monday)
            {
                await factory.PlanAsync();
            }
            await factory.DispatchAsync();
            foreach (var message in Browserless.Mails(factory).Where(m => seen.Add(m.MessageId ?? "")))
            {
                arrivals.Add((day, message));
            }
        }
        return arrivals;
    }

    [Fact]
    public async Task Dispatch_TenMunicipalitiesForAYear_SendsTheDirectorAtMostOneMailADay_NamingEveryMunicipalityItCovers()
    {
        var first = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(first.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", TenMunicipalities);

        var arrivals = await RunDaysAsync(factory, first, first.PlusYears(1));

        // The pickup folder: never two mails on one day.
        Assert.NotEmpty(arrivals);
        var busiest = arrivals.GroupBy(a => a.Day).MaxBy(g => g.Count())!;
        Assert.True(busiest.Count() == 1, $"{busiest.Count()} mails on {busiest.Key}: {string.Join(" | ", busiest.Select(a => a.Message.Subject))}");
        // The outbox: one sent mail per day, and every reminder of the year went in one of them.
        var rows = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => n.PersonId == director.Id).ToListAsync());
        var sent = rows.Where(r => r.Kind == NudgeKinds.Daily && r.State == NudgeStates.Sent).ToList();
        Assert.Equal(sent.Count, sent.Select(r => r.Day).Distinct().Count());
        Assert.Equal(arrivals.Count, sent.Count);
        var reminders = rows.Where(r => r.Kind == NudgeKinds.Nudge && r.Day <= first.PlusYears(1) && r.State != NudgeStates.Retracted).ToList();
        Assert.All(reminders, r => Assert.Equal(NudgeStates.Sent, r.State));
        Assert.True(reminders.Count > 5 * sent.Count, $"{reminders.Count} reminders in {sent.Count} mails: the test should have bundled many");
        // Each mail names every municipality whose reminder it carries.
        var names = TenMunicipalities.ToDictionary(m => m.Code, m => m.Name);
        foreach (var (day, message) in arrivals)
        {
            var covered = reminders.Where(r => r.MessageId == message.MessageId).Select(r => names[r.Subject[..6]]).Distinct().ToList();
            Assert.NotEmpty(covered);
            Assert.All(covered, name => Assert.Contains(name, message.TextBody, StringComparison.Ordinal));
        }
        Assert.Contains(arrivals, a => reminders.Count(r => r.MessageId == a.Message.MessageId) >= 10);
    }

    [Fact]
    public async Task Dispatch_SeveralRemindersOnOneDay_OneMailGroupedByMoment_SubjectNamesTheSoonestAndCountsTheRest()
    {
        // Monday 7 December 2026, three municipalities with the same cycle.
        var day = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(day.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0088", "Schiermonnikoog"), ("GM0344", "Utrecht"));
        var arrivals = await RunDaysAsync(factory, day, day.PlusDays(200));

        var bundled = arrivals.Where(a => System.Text.RegularExpressions.Regex.IsMatch(a.Message.Subject!, @" en \d+ andere? moment")).ToList();
        Assert.True(bundled.Count > 0, string.Join(" | ", arrivals.Select(a => a.Message.Subject)));
        var mail = bundled[0].Message;
        var text = mail.TextBody!;
        Assert.StartsWith("Uw herinneringen van vandaag", text, StringComparison.Ordinal);
        // One line per moment that names all three municipalities, not three lines.
        var lines = text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains("– Amsterdam, Schiermonnikoog en Utrecht: ", StringComparison.Ordinal));
        var more = int.Parse(System.Text.RegularExpressions.Regex.Match(mail.Subject!, @"en (\d+) andere? moment").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(lines.Count - 1, more);
        Assert.StartsWith("Amsterdam, Schiermonnikoog en Utrecht: ", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_ReminderRetractedBeforeItsDayWent_DropsOutOfTheMail()
    {
        var day = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(day.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        await factory.PlanAsync();
        // The first day with reminders for both: the organisation stops following Amsterdam before 08:30.
        var busy = await factory.FirstDayWithSeveralRemindersAsync(director.Id);
        factory.Clock.Reset(busy.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
        await factory.WithDbAsync(async db =>
        {
            db.FollowedMunicipalities.Remove(await db.FollowedMunicipalities.SingleAsync(m => m.Code == "GM0363"));
            return await db.SaveChangesAsync();
        });
        await factory.PlanAsync();
        factory.Clock.Reset(busy.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
        await factory.DispatchAsync();

        var mail = Assert.Single(Browserless.Mails(factory));
        Assert.DoesNotContain("Amsterdam", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Utrecht", mail.TextBody, StringComparison.Ordinal);
        var rows = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => n.PersonId == director.Id && n.Day == busy).ToListAsync());
        Assert.All(rows.Where(r => r.Subject.StartsWith("GM0363", StringComparison.Ordinal)), r => Assert.Equal(NudgeStates.Retracted, r.State));
        Assert.All(rows.Where(r => r.Subject.StartsWith("GM0344", StringComparison.Ordinal)), r => Assert.Equal((NudgeStates.Sent, mail.MessageId), (r.State, r.MessageId)));
    }

    /// <summary>A director following ten municipalities, planned on Monday 7 December 2026 at 07:00, and the first two days with reminders.</summary>
    private static async Task<(TimingFactory Factory, Person Director, LocalDate First, LocalDate Second)> TenMunicipalitiesPlannedAsync()
    {
        var start = new LocalDate(2026, 12, 7);
        var factory = new TimingFactory(clock: new FakeClock(start.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", TenMunicipalities);
        await factory.PlanAsync();
        var days = await factory.WithDbAsync(db => db.Nudges.Where(n => n.PersonId == director.Id && n.Kind == NudgeKinds.Nudge)
            .Select(n => n.Day).Distinct().OrderBy(d => d).Take(2).ToListAsync());
        return (factory, director, days[0], days[1]);
    }

    /// <summary>The server refused the person's only day's mail after all (a bounce): it and its reminders read failed. Its id.</summary>
    private static Task<long> FailTheDaysMailAsync(TimingFactory factory, int personId) => factory.WithDbAsync(async db =>
    {
        var row = await db.Nudges.SingleAsync(n => n.PersonId == personId && n.Kind == NudgeKinds.Daily);
        await db.Nudges.Where(n => n.PersonId == personId && n.MessageId == row.MessageId).ExecuteUpdateAsync(u => u.SetProperty(n => n.State, NudgeStates.Failed));
        return row.Id;
    });

    /// <summary>The director presses "send again" for a day's mail on the person's page.</summary>
    private static async Task ResendAsync(TimingFactory factory, int personId, long mail)
    {
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@welzijn.nl");
        var page = await client.GetStringAsync(new Uri($"/mensen/{personId}", UriKind.Relative));
        var resent = await client.PostFormAsync($"/mensen/{personId}?handler=Resend", page, new() { ["NudgeId"] = mail.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, resent.StatusCode);
    }

    [Fact]
    public async Task Dispatch_AfterMissedDays_SendsOneMailThatDay_CarryingTheOverdueRemindersWithTheDaysOwn()
    {
        // The service is down from the first day with reminders until the second, and comes back at 07:00 on that
        // second day, before its own mail is due.
        var (factory, director, missed, back) = await TenMunicipalitiesPlannedAsync();
        await using var _ = factory;

        foreach (var time in new[] { new LocalTime(7, 0), new LocalTime(9, 0), new LocalTime(15, 0) })
        {
            factory.Clock.Reset(back.At(time).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
            await factory.PlanAsync();
            await factory.DispatchAsync();
        }

        var mail = Assert.Single(Browserless.Mails(factory));
        var rows = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => n.PersonId == director.Id && n.Day <= back).ToListAsync());
        var reminders = rows.Where(r => r.Kind == NudgeKinds.Nudge).ToList();
        Assert.Contains(reminders, r => r.Day == missed);
        Assert.Contains(reminders, r => r.Day == back);
        Assert.All(reminders, r => Assert.Equal((NudgeStates.Sent, mail.MessageId), (r.State, r.MessageId)));
        Assert.Single(rows, r => r.Kind == NudgeKinds.Daily && r.State == NudgeStates.Sent);
    }

    [Fact]
    public async Task Resend_OfAFailedDaysMail_SendsThatMailAgain_WithItsMessageId()
    {
        var start = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(start.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        await factory.PlanAsync();
        var busy = await factory.FirstDayWithSeveralRemindersAsync(director.Id);
        factory.Clock.Reset(busy.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
        await factory.DispatchAsync();
        var first = Assert.Single(Browserless.Mails(factory));
        var bundle = await FailTheDaysMailAsync(factory, director.Id);

        factory.Clock.Reset(busy.PlusDays(1).At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
        await ResendAsync(factory, director.Id, bundle);
        await factory.DispatchAsync();

        // Sent again the next morning with the same Message-ID (the pickup folder keeps one file per Message-ID).
        var row = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().SingleAsync(n => n.Id == bundle));
        Assert.Equal((NudgeStates.Sent, first.MessageId, factory.Clock.GetCurrentInstant()), (row.State, row.MessageId, row.Sent));
        Assert.Single(Browserless.Mails(factory), m => m.MessageId == first.MessageId);
        // Its reminders went with it: the reminder list no longer calls them failed.
        var carried = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => n.PersonId == director.Id && n.Kind == NudgeKinds.Nudge && n.MessageId == first.MessageId).ToListAsync());
        Assert.NotEmpty(carried);
        Assert.All(carried, n => Assert.Equal((NudgeStates.Sent, row.Sent), (n.State, n.Sent)));
    }

    [Fact]
    public async Task Resend_OnADayWhoseMailWent_WaitsForTheNextMorning_EvenUnderTheDefaultLimitOfTwo()
    {
        var (factory, director, first, second) = await TenMunicipalitiesPlannedAsync();
        await using var _ = factory;
        factory.Clock.Reset(first.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
        await factory.DispatchAsync();
        var failed = await FailTheDaysMailAsync(factory, director.Id);
        factory.Clock.Reset(second.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
        await factory.DispatchAsync();

        // The second day's mail went; the director then sends the first day's mail again.
        await ResendAsync(factory, director.Id, failed);
        factory.Clock.Reset(second.At(new LocalTime(10, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
        await factory.DispatchAsync();

        var rows = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => n.PersonId == director.Id && n.Kind == NudgeKinds.Daily).ToListAsync());
        var today = second.AtStartOfDayInZone(Core.ProductTime.Zone).ToInstant();
        Assert.Single(rows, r => r.State == NudgeStates.Sent && r.Sent >= today);
        var held = rows.Single(r => r.Id == failed);
        Assert.Equal((NudgeStates.Pending, DailyBundles.DueOn(second.PlusDays(1))), (held.State, held.NextAttempt));
    }

    [Fact]
    public async Task Dispatch_OneAddressInTwoOrganisations_GetsNoMoreThanTheDailyLimit_TheRestTheNextMorning()
    {
        var day = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(day.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()),
            settings: new() { ["Mail:DailyLimitPerRecipient"] = "1" });
        await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0344", "Utrecht"));
        await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn Noord", ("GM0014", "Groningen"));
        await factory.PlanAsync();
        var both = await factory.WithDbAsync(db => db.Nudges.Where(n => n.Kind == NudgeKinds.Nudge).GroupBy(n => n.Day)
            .Where(g => g.Select(n => n.PersonId).Distinct().Count() == 2).OrderBy(g => g.Key).Select(g => g.Key).FirstAsync());

        var arrivals = await RunDaysAsync(factory, both, WorkingDays.OnOrAfter(both.PlusDays(1)));

        Assert.Equal(2, arrivals.Count);
        Assert.Equal([both, WorkingDays.OnOrAfter(both.PlusDays(1))], arrivals.Select(a => a.Day));
    }

    [Fact]
    public async Task Preview_ShowsTheMailOfADay_WithoutSendingOrStoringIt()
    {
        var day = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(day.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        await factory.PlanAsync();
        var busy = await factory.FirstDayWithSeveralRemindersAsync(director.Id);
        var before = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().OrderBy(n => n.Id).Select(n => n.State + n.Message).ToListAsync());

        MimeMessage? preview;
        using (var scope = factory.Services.CreateScope())
        {
            preview = await scope.ServiceProvider.GetRequiredService<NudgeRenderer>().PreviewAsync(director.Id, busy, CancellationToken.None);
        }

        Assert.NotNull(preview);
        Assert.Contains("Amsterdam en Utrecht", preview.TextBody, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Nudges.AsNoTracking().OrderBy(n => n.Id).Select(n => n.State + n.Message).ToListAsync()));
        Assert.Empty(Browserless.Mails(factory));
        // On the day, the mail that goes is the one the preview showed.
        factory.Clock.Reset(busy.At(new LocalTime(9, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant());
        await factory.DispatchAsync();
        var sent = Assert.Single(Browserless.Mails(factory));
        Assert.Equal((preview.Subject, preview.TextBody), (sent.Subject, sent.TextBody));
    }
}
