using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;
using Timing.Storage;
using Microsoft.Extensions.DependencyInjection;
using Timing.Tests.Worker;

namespace Timing.Tests.Web;

/// <summary>The director's page of one person's mail, /mensen/{id}, as a director reads it in a browser.</summary>
public class PersonNudgesPageTests
{
    [Fact]
    public async Task ReminderList_OneLinePerMomentAcrossMunicipalities_NextFirst_InDutchDates_AndAPreviewThatSendsNothing()
    {
        var day = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(day.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        await factory.PlanAsync();
        var busy = await factory.FirstDayWithSeveralRemindersAsync(director.Id);
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@welzijn.nl");
        var mailsBefore = Browserless.Mails(factory).Length;
        var rowsBefore = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().OrderBy(n => n.Id).Select(n => n.State + n.Message).ToListAsync());

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/mensen/{director.Id}?preview={busy:yyyy-MM-dd}", UriKind.Relative)));

        // The list: the two municipalities on one line, the soonest reminder first, its day in words.
        var firstRow = page[page.IndexOf("<tbody>", StringComparison.Ordinal)..];
        firstRow = firstRow[..firstRow.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("Amsterdam en Utrecht", firstRow, StringComparison.Ordinal);
        Assert.Contains(Core.Cycle.DateText.Long(await factory.WithDbAsync(db => db.Nudges.Where(n => n.PersonId == director.Id).MinAsync(n => n.Day)), Core.Cycle.Language.Nl),
            firstRow, StringComparison.Ordinal);
        Assert.DoesNotContain(">2026-", page, StringComparison.Ordinal);
        // The count above the list counts its lines, not the rows behind them.
        var body = page[page.IndexOf("<tbody>", StringComparison.Ordinal)..page.IndexOf("</tbody>", StringComparison.Ordinal)];
        var lines = body.Split("<tr", StringSplitOptions.None).Length - 1;
        Assert.Contains($"<p>gepland: {lines}</p>", page, StringComparison.Ordinal);
        // The preview: the day's mail, and nothing sent or stored.
        Assert.Contains("Uw herinneringen van vandaag", page, StringComparison.Ordinal);
        Assert.Contains("Amsterdam en Utrecht", page[page.IndexOf("mail-preview", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(mailsBefore, Browserless.Mails(factory).Length);
        Assert.Equal(rowsBefore, await factory.WithDbAsync(db => db.Nudges.AsNoTracking().OrderBy(n => n.Id).Select(n => n.State + n.Message).ToListAsync()));

        // "Deze week" on the home page: one line per moment, naming both municipalities.
        var home = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var thisWeek = home[home.IndexOf("<ol class=\"this-week\">", StringComparison.Ordinal)..home.IndexOf("</ol>", StringComparison.Ordinal)];
        Assert.Contains("· Amsterdam en Utrecht ·", thisWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("· Amsterdam ·", thisWeek, StringComparison.Ordinal);

        var wrong = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/mensen/{director.Id}?preview=31-02-2027", UriKind.Relative)));
        Assert.Contains("'31-02-2027' is geen datum die Timing kent", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderList_NamesTheMunicipalitiesInOneOrder_InTheOutboxAndBeyondIt()
    {
        var day = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(day.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        // Utrecht's code sorts before Amsterdam's: the names must still read alphabetically, as everywhere else.
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"), ("GM0344", "Utrecht"));
        await factory.PlanAsync();
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@welzijn.nl");

        // With the preview of a day long after the outbox's weeks: the mail it will be, from the plan.
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/mensen/{director.Id}?preview=2027-05-03", UriKind.Relative)));

        Assert.True(page.Split("Amsterdam en Utrecht").Length > 10, "the list should hold many lines for both municipalities");
        Assert.Contains("Amsterdam en Utrecht: Jaarstukken 2026", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Utrecht en Amsterdam", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_HoldsTheComingWeeks_ThePageListsLaterRemindersFromThePlan_AndTheyEnterTheOutboxAsTheirDayComes()
    {
        var day = new LocalDate(2026, 12, 7);
        await using var factory = new TimingFactory(clock: new FakeClock(day.At(new LocalTime(7, 0)).InZoneLeniently(Core.ProductTime.Zone).ToInstant()));
        var director = await factory.DirectorFollowingAsync("directeur@welzijn.nl", "Welzijn", ("GM0363", "Amsterdam"));
        await factory.PlanAsync();

        // Eight weeks (Worker:PlanWeeks by default) stand in the outbox, nothing later.
        var last = day.PlusWeeks(8);
        var stored = await factory.WithDbAsync(db => db.Nudges.AsNoTracking().Where(n => n.PersonId == director.Id && n.Kind == NudgeKinds.Nudge).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, n => Assert.InRange(n.Day, day, last));
        List<Nudge> later;
        using (var scope = factory.Services.CreateScope())
        {
            later = (await scope.ServiceProvider.GetRequiredService<Timing.Worker.NudgeOutbox>().BeyondOutboxAsync(director.OrganisationId, director.Id, CancellationToken.None))
                .Where(n => n.Kind == NudgeKinds.Nudge).ToList();
        }
        Assert.NotEmpty(later);
        var next = later[0];
        Assert.True(next.Day > last);

        // The person's page lists it as planned, and previews that day's mail.
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@welzijn.nl");
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/mensen/{director.Id}?preview={next.Day:yyyy-MM-dd}", UriKind.Relative)));
        Assert.Contains(Core.Cycle.DateText.Long(next.Day, Core.Cycle.Language.Nl), page[page.IndexOf("<tbody>", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("staat geen herinnering gepland", page, StringComparison.Ordinal);
        Assert.Contains("mail-preview", page, StringComparison.Ordinal);

        // A week before its day, planning has put that same reminder in the outbox.
        factory.Clock.Advance(Duration.FromDays(Period.DaysBetween(day, next.Day) - 7));
        await factory.PlanAsync();
        Assert.True(await factory.WithDbAsync(db => db.Nudges.AnyAsync(n => n.PersonId == director.Id && n.Kind == NudgeKinds.Nudge
            && n.Subject == next.Subject && n.LeadId == next.LeadId && n.Day == next.Day && n.State == NudgeStates.Pending)));
    }
}
