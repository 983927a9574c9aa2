using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime.Testing;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;
using Timing.Tests.Web;

namespace Timing.Tests.Worker;

/// <summary>Mail only to people who agreed: one invitation, then nothing until they accept; an unsubscribe holds per address.</summary>
[Trait("Needs", "smtp-server")]
public partial class ConsentTests
{
    [Fact]
    public async Task AddedColleague_GetsExactlyOneInvitation_AndNothingElseUntilAccepting()
    {
        await using var setup = await ColleagueAddedAsync("both");
        var (smtp, clock, factory, director) = setup;

        var invitation = Assert.Single(To(smtp.Messages(), "kim@elders.nl"));
        Assert.Equal("directeur@org.nl nodigt u uit voor Timing van Org", invitation.Subject);
        Assert.Contains("Zolang u niet accepteert, stuurt Timing u niets anders", invitation.TextBody, StringComparison.Ordinal);
        Assert.Contains("uitgenodigd", await director.GetStringAsync(new Uri("/mensen", UriKind.Relative)), StringComparison.Ordinal);

        // A week of the real worker: reminders and the Monday digest are due for others, none for her.
        for (var day = 0; day < 7; day++)
        {
            await factory.PlanAsync();
            await factory.DigestAsync();
            await factory.DispatchAsync();
            clock.Advance(Duration.FromDays(1));
        }
        Assert.Single(To(smtp.Messages(), "kim@elders.nl"));

        // Opening the link (what a mail scanner does) accepts nothing; the button does.
        var link = new Uri(InvitationLink().Match(invitation.TextBody ?? "").Value);
        var kim = factory.Client();
        var page = await kim.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Contains("Ja, ik doe mee", page, StringComparison.Ordinal);
        Assert.Null(await AcceptedAsync(factory, "kim@elders.nl"));
        var accepted = await kim.PostAndFollowAsync(link.PathAndQuery, page, []);
        Assert.Contains("U heeft de uitnodiging geaccepteerd", accepted, StringComparison.Ordinal);
        Assert.NotNull(await AcceptedAsync(factory, "kim@elders.nl"));
        await factory.PlanAsync();
        Assert.True(await PendingAsync(factory, "kim@elders.nl") > 0);
    }

    [Fact]
    public async Task Unsubscribe_HoldsPerAddress_ThroughRemoveAndReAdd_AndASecondOrganisation_UntilThePersonOptsIn()
    {
        await using var smtp = await SmtpServer.StartNewAsync();
        await using var factory = new TimingFactory(clock: new FakeClock(WorkerHarness.NominationNudgesDue), settings: smtp.Settings);
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""));
        await factory.PlanAsync();
        await factory.DispatchAsync();
        var reminder = To(smtp.Messages(), "anna@org.nl").First();
        var header = reminder.Headers["List-Unsubscribe"] ?? "";
        var unsubscribe = new Uri(header[1..header.IndexOf('>', StringComparison.Ordinal)]);
        await factory.Client().PostAsync(new Uri(unsubscribe.PathAndQuery, UriKind.Relative), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var before = To(smtp.Messages(), "anna@org.nl").Length;

        // Her director removes her and adds her again.
        var director = factory.Client();
        await director.SignInAsync(factory, "directeur@org.nl", smtp.Messages);
        var annaId = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "anna@org.nl").Select(p => p.Id).SingleAsync());
        var remove = await director.GetStringAsync(new Uri($"/mensen/{annaId}/verwijderen", UriKind.Relative));
        await director.PostAndFollowAsync($"/mensen/{annaId}/verwijderen", remove, []);
        var flash = await AddColleagueAsync(director, "anna@org.nl", "each");
        Assert.Contains("dit adres wil geen e-mail van Timing", flash, StringComparison.Ordinal);
        Assert.Contains("wil geen e-mail van Timing", await director.GetStringAsync(new Uri("/mensen", UriKind.Relative)), StringComparison.Ordinal);

        // Another organisation adds the same address.
        var other = await factory.CreateDirectorAsync("baas@elders.nl", "Elders");
        await factory.WithDbAsync(db =>
        {
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = other.OrganisationId, Code = "GM0344", Name = "Utrecht" });
            return db.SaveChangesAsync();
        });
        var elders = factory.Client();
        await elders.SignInAsync(factory, "baas@elders.nl", smtp.Messages);
        await AddColleagueAsync(elders, "anna@org.nl", "each");

        await factory.PlanAsync();
        await factory.DigestAsync();
        await factory.DispatchAsync();
        Assert.Equal(before, To(smtp.Messages(), "anna@org.nl").Length);
        Assert.Equal(0, await PendingAsync(factory, "anna@org.nl"));

        // She herself opts in again, signed in on her own page: only then is she planned for again.
        var anna = factory.Client();
        await anna.SignInAsync(factory, "anna@org.nl", smtp.Messages);
        var mine = await anna.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        Assert.Contains("U heeft gevraagd geen e-mail van Timing te ontvangen", mine, StringComparison.Ordinal);
        await anna.PostAndFollowAsync("/mijn-feed?handler=Resubscribe", mine, []);
        await factory.PlanAsync();
        Assert.True(await PendingAsync(factory, "anna@org.nl") > 0);
    }

    [Fact]
    public async Task RemovingAndAddingAColleagueAgain_OrInvitingAgain_SendsNoSecondInvitationWithinAWeek()
    {
        await using var setup = await ColleagueAddedAsync("each");
        var (smtp, clock, factory, director) = setup;

        // Three times removed and added again, the address written differently each time.
        foreach (var again in new[] { "Kim@Elders.nl ", " KIM@elders.nl", "kim@elders.nl" })
        {
            var id = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "kim@elders.nl").Select(p => p.Id).SingleAsync());
            var remove = await director.GetStringAsync(new Uri($"/mensen/{id}/verwijderen", UriKind.Relative));
            await director.PostAndFollowAsync($"/mensen/{id}/verwijderen", remove, []);
            var flash = await AddColleagueAsync(director, again, "each");
            Assert.Contains("kreeg op", flash, StringComparison.Ordinal);
        }
        var people = await director.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        Assert.Contains("uitgenodigd", people, StringComparison.Ordinal);
        // The button that invites again says when that can be, and sends nothing before; the person's own invitation date
        // counts too (an invitation sent before the organisation's audit lines kept it).
        var kim = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "kim@elders.nl").Select(p => p.Id).SingleAsync());
        await factory.WithDbAsync(db => db.OrganisationChanges.Where(c => c.Subject == "invite-person").ExecuteDeleteAsync());
        var refused = await director.PostAndFollowAsync($"/mensen?id={kim}&handler=Reinvite", people, []);
        Assert.Contains("een nieuwe kan vanaf", refused, StringComparison.Ordinal);
        Assert.Single(To(smtp.Messages(), "kim@elders.nl"));

        // A week later the director may invite the address once more.
        clock.Advance(Duration.FromDays(8));
        var invited = await director.PostAndFollowAsync($"/mensen?id={kim}&handler=Reinvite", await director.GetStringAsync(new Uri("/mensen", UriKind.Relative)), []);
        Assert.Contains("kim@elders.nl is opnieuw uitgenodigd", invited, StringComparison.Ordinal);
        Assert.Equal(2, To(smtp.Messages(), "kim@elders.nl").Length);
    }

    [Fact]
    public async Task DirectorsLaterEdit_KeepsTheChoicesAColleagueMadeThemselves()
    {
        await using var factory = new TimingFactory();
        await factory.SeedAsync(("anna@org.nl", Language.Nl, ""));
        var anna = factory.Client();
        await anna.SignInAsync(factory, "anna@org.nl");
        var mine = await anna.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        await anna.PostAndFollowAsync("/mijn-feed?handler=Choices", mine, new() { ["NudgeMode"] = "digest", ["SelectedAudiences"] = "finance" });

        var director = factory.Client();
        await director.SignInAsync(factory, "directeur@org.nl");
        var id = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "anna@org.nl").Select(p => p.Id).SingleAsync());
        var edit = await director.GetStringAsync(new Uri($"/mensen/{id}/wijzigen", UriKind.Relative));
        Assert.Contains("Door deze persoon zelf gekozen", edit, StringComparison.Ordinal);
        await director.PostAndFollowAsync($"/mensen/{id}/wijzigen", edit, new() { ["Name"] = "Anna", ["Language"] = "nl", ["NudgeMode"] = "none" });

        var person = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(("Anna", NudgeMode.Digest, "finance"), (person.Name, person.NudgeMode, string.Join(",", person.Audiences)));
    }

    [Fact]
    public async Task UnsubscribePage_SpeaksTheRecipientsLanguage()
    {
        await using var factory = new TimingFactory();
        await factory.SeedAsync(("ann@org.nl", Language.En, ""));
        var id = await factory.WithDbAsync(db => db.People.Where(p => p.Email == "ann@org.nl").Select(p => p.Id).SingleAsync());
        var token = await factory.Services.GetRequiredService<Timing.Mail.Unsubscribe>().TokenAsync(id, CancellationToken.None);
        var page = await factory.Client().GetStringAsync(new Uri($"/afmelden-nudges/{token}", UriKind.Relative));
        Assert.Contains("Do you want to stop receiving e-mails from Timing?", page, StringComparison.Ordinal);
    }

    /// <summary>A director of an organisation following Utrecht, signed in, who just added kim@elders.nl; mail goes to a real SMTP server.</summary>
    private static async Task<Setup> ColleagueAddedAsync(string mode)
    {
        var smtp = await SmtpServer.StartNewAsync();
        var clock = new FakeClock(WorkerHarness.NominationNudgesDue);
        var factory = new TimingFactory(clock: clock, settings: smtp.Settings);
        await factory.SeedAsync();
        var director = factory.Client();
        await director.SignInAsync(factory, "directeur@org.nl", smtp.Messages);
        await AddColleagueAsync(director, "kim@elders.nl", mode);
        return new Setup(smtp, clock, factory, director);
    }

    private sealed record Setup(SmtpServer Smtp, FakeClock Clock, TimingFactory Factory, HttpClient Director) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }

    private static async Task<string> AddColleagueAsync(HttpClient director, string email, string mode)
    {
        var people = await director.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        return await director.PostAndFollowAsync("/mensen?handler=Save", people, new() { ["Email"] = email, ["Language"] = "nl", ["NudgeMode"] = mode });
    }

    /// <summary>What reached an address, sign-in links (which the person asks for themselves) left out.</summary>
    private static MimeMessage[] To(MimeMessage[] messages, string address) => messages
        .Where(m => m.To.Mailboxes.Any(b => b.Address == address) && !(m.Subject ?? "").Contains("aanmeldlink", StringComparison.Ordinal)).ToArray();

    private static Task<Instant?> AcceptedAsync(TimingFactory factory, string email) =>
        factory.WithDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Accepted).SingleAsync());

    private static Task<int> PendingAsync(TimingFactory factory, string email) =>
        factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.State == NudgeStates.Pending && db.People.Any(p => p.Id == n.PersonId && p.Email == email)));

    [GeneratedRegex(@"https?://\S+/uitnodiging/\S+")]
    private static partial Regex InvitationLink();
}
