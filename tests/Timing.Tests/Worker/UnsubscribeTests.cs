using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Storage;
using Timing.Tests.Web;
using Timing.Core.Cycle;
using Timing.Core.Nudges;

namespace Timing.Tests.Worker;

[Trait("Needs", "smtp-server")]
public class UnsubscribeTests
{
    [Fact]
    public async Task OneClickPost_FromTheMailHeader_StopsNudgesAndRetractsPendingOnes()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue), settings: smtp.Settings);
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""));
        await factory.PlanAsync();
        await factory.DispatchAsync();
        var header = smtp.Messages().First().Headers["List-Unsubscribe"] ?? "";
        var url = new Uri(header[1..header.IndexOf('>', StringComparison.Ordinal)]);

        var client = factory.Client();
        // RFC 8058: the mail provider POSTs this body to the https address, without cookies or a form token.
        var response = await client.PostAsync(new Uri(url.PathAndQuery, UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (mode, pending) = await factory.WithDbAsync(async db =>
            ((await db.People.SingleAsync(p => p.Email == "anna@org.nl")).NudgeMode, await db.Nudges.CountAsync(n => n.State == NudgeStates.Pending)));
        Assert.Equal((NudgeMode.None, 0), (mode, pending));
        await factory.PlanAsync();
        Assert.Equal(0, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.State == NudgeStates.Pending)));

        // The page at the same address confirms it in words.
        var page = await client.GetStringAsync(new Uri(url.PathAndQuery + "?klaar=1", UriKind.Relative));
        Assert.Contains("U ontvangt geen herinneringen en overzichten meer.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestsOwnLink_StopsTheDigestAlone_AndOnlyThePersonUndoesIt()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        var clock = new FakeClock(Instant.FromUtc(2026, 1, 26, 6, 30)); // Monday 26 January 2026, 07:30 in Amsterdam
        await using var factory = new TimingFactory(clock: clock, settings: smtp.Settings);
        await factory.SeedAsync(("lezer@org.nl", Language.Nl, ""));
        await factory.SetNudgeModeAsync("lezer@org.nl", NudgeMode.Both);
        await factory.PlanAsync();
        await factory.DigestAsync();
        var digest = smtp.Messages().Single(m => (m.Subject ?? "").StartsWith("Timing: deze week", StringComparison.Ordinal));
        var header = digest.Headers["List-Unsubscribe"] ?? "";
        var url = new Uri(header[1..header.IndexOf('>', StringComparison.Ordinal)]);
        Assert.EndsWith("?alleen=overzicht", url.PathAndQuery, StringComparison.Ordinal);
        Task<int> Pending(string kind) => factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.Kind == kind && n.State == NudgeStates.Pending));
        var moments = await Pending(NudgeKinds.Nudge);
        Assert.True(moments > 0);

        var page = await factory.Client().GetStringAsync(new Uri(url.PathAndQuery, UriKind.Relative));
        Assert.Contains("Geen weekoverzicht meer", page, StringComparison.Ordinal);
        var response = await factory.Client().PostAsync(new Uri(url.PathAndQuery, UriKind.Relative), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var person = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "lezer@org.nl"));
        Assert.Equal((NudgeMode.Each, (NudgeMode?)NudgeMode.Both), (person.NudgeMode, person.ModeBeforeUnsubscribe));
        // Her single reminders stay; next Monday brings no digest.
        Assert.Equal(moments, await Pending(NudgeKinds.Nudge));
        clock.Advance(Duration.FromDays(7));
        await factory.DigestAsync();
        Assert.Single(smtp.Messages(), m => (m.Subject ?? "").StartsWith("Timing: deze week", StringComparison.Ordinal));

        var director = factory.Client();
        await director.SignInAsync(factory, "directeur@org.nl", smtp.Messages);
        Assert.Contains("weekoverzicht afgemeld door deze persoon", await director.GetStringAsync(new Uri("/mensen", UriKind.Relative)), StringComparison.Ordinal);
        var self = factory.Client();
        await self.SignInAsync(factory, "lezer@org.nl", smtp.Messages);
        var mine = await self.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        Assert.Contains("U heeft zich afgemeld voor het weekoverzicht", mine, StringComparison.Ordinal);
        await self.PostAndFollowAsync("/mijn-feed?handler=Resubscribe", mine, []);
        person = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "lezer@org.nl"));
        Assert.Equal((NudgeMode.Both, (NudgeMode?)null), (person.NudgeMode, person.ModeBeforeUnsubscribe));
    }

    [Fact]
    public async Task LinkOfAPersonRemovedSince_StillAnswersQuietly()
    {
        await using var factory = new TimingFactory();
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""));
        var anna = await factory.WithDbAsync(db => db.People.SingleAsync(p => p.Email == "anna@org.nl"));
        var token = await factory.Services.GetRequiredService<Timing.Mail.Unsubscribe>().TokenAsync(anna.Id, CancellationToken.None);
        await factory.WithDbAsync(db => db.People.Where(p => p.Id == anna.Id).ExecuteDeleteAsync());
        var response = await factory.Client().PostAsync(new Uri($"/afmelden-nudges/{token}?alleen=overzicht", UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ForgedToken_IsRefused()
    {
        await using var factory = new TimingFactory();
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""));
        var response = await factory.Client().PostAsync(new Uri("/afmelden-nudges/2.AAAAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(NudgeMode.Each, await factory.WithDbAsync(async db => (await db.People.SingleAsync(p => p.Email == "anna@org.nl")).NudgeMode));
    }

    [Fact]
    public async Task Director_SeesAPersonsPendingAndSentNudges()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue), settings: smtp.Settings);
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""));
        await factory.PlanAsync();
        await factory.DispatchAsync();
        var anna = await factory.WithDbAsync(db => db.People.SingleAsync(p => p.Email == "anna@org.nl"));
        var client = factory.Client();
        await client.SignInAsync(factory, "directeur@org.nl", smtp.Messages);
        var page = await client.GetStringAsync(new Uri($"/mensen/{anna.Id}", UriKind.Relative));
        var (pending, sent) = await factory.WithDbAsync(async db => (
            await db.Nudges.CountAsync(n => n.PersonId == anna.Id && n.State == NudgeStates.Pending),
            await db.Nudges.CountAsync(n => n.PersonId == anna.Id && n.State == NudgeStates.Sent)));
        Assert.True(pending > 0 && sent > 0, $"pending {pending}, sent {sent}: the page would show only one kind");
        // The outbox holds the coming weeks; the reminders the plan has after them count as planned too.
        using var scope = factory.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Timing.Worker.NudgeOutbox>();
        var last = outbox.LastOutboxDay(Timing.Core.ProductTime.Today(factory.Services.GetRequiredService<IClock>()));
        var later = (await outbox.BeyondOutboxAsync(anna.OrganisationId, anna.Id, CancellationToken.None)).Count(n => n.Day > last);
        Assert.True(later > 0, "the plan has reminders after the outbox's weeks");
        Assert.Contains($"<p>gepland: {pending + later} · verstuurd: {sent}</p>", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        // Directors read the moment's name and when the reminder falls, never the stored key.
        Assert.Contains("Dag van kandidaatstelling 2026, ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("GM0344/nomination/2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Director_ResendsAFailedNudge_AndAnotherOrganisationCannot()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue), settings: smtp.Settings);
        await factory.SeedAsync(("anna@org.nl", Language.Nl, "parties"));
        await factory.CreateDirectorAsync("other@elders.nl", "Elders");
        await factory.PlanAsync();
        var (annaId, failed) = await factory.WithDbAsync(async db =>
        {
            var row = await db.Nudges.FirstAsync(n => n.Subject == "GM0344/nomination/2026");
            row.State = NudgeStates.Failed;
            row.LastError = "mail server answered 550";
            await db.SaveChangesAsync();
            return (row.PersonId, row.Id);
        });

        var other = factory.Client();
        await other.SignInAsync(factory, "other@elders.nl", smtp.Messages);
        var otherPage = await other.GetStringAsync(new Uri("/", UriKind.Relative));
        var refused = await other.PostFormAsync($"/mensen/{annaId}?handler=Resend", otherPage, new() { ["NudgeId"] = failed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var director = factory.Client();
        await director.SignInAsync(factory, "directeur@org.nl", smtp.Messages);
        var page = await director.GetStringAsync(new Uri($"/mensen/{annaId}", UriKind.Relative));
        Assert.Contains("mail server answered 550", page, StringComparison.Ordinal);
        var resent = await director.PostFormAsync($"/mensen/{annaId}?handler=Resend", page, new() { ["NudgeId"] = failed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        await factory.DispatchAsync();
        Assert.Equal(NudgeStates.Sent, await factory.WithDbAsync(async db => (await db.Nudges.SingleAsync(n => n.Id == failed)).State));
    }
}
