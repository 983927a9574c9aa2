using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Timing.Core.Nudges;
using Timing.Storage;
using Timing.Tests.Worker;

namespace Timing.Tests.Web;

/// <summary>Post/redirect/get, error pages, the kept feed address and the confirmations, over HTTP against the real service.</summary>
public partial class PageBehaviourTests
{
    [Theory]
    [InlineData("", "Pagina niet gevonden")]
    [InlineData("?lang=en", "Page not found")]
    public async Task UnknownPage_GetsTheSitesOwn404_InTheReadersLanguage(string query, string title)
    {
        await using var factory = new TimingFactory();
        var client = factory.Client();
        var response = await client.GetAsync(new Uri("/bestaat-niet" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"page-header\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnglishPersonsSignInLink_OpensTheConfirmPageInEnglish()
    {
        await using var factory = new TimingFactory();
        using (var scope = factory.Services.CreateScope())
        {
            await Timing.People.Directors.AddDirectorAsync(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), "en@org.nl", "Org", "", Core.Cycle.Language.En, factory.Clock.GetCurrentInstant(), CancellationToken.None);
        }
        var client = factory.Client();
        var link = await client.RequestLinkAsync(factory, "en@org.nl");
        Assert.EndsWith("&lang=en", link.Query, StringComparison.Ordinal);
        Assert.Contains("<h1>Sign in to Timing</h1>", await client.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrowserFormPost_ThatIsRefused_GetsAPageNotABlankScreen()
    {
        await using var factory = new TimingFactory();
        var client = factory.Client();
        // A form from a tab opened before signing in: its anti-forgery token no longer fits.
        using var stale = new HttpRequestMessage(HttpMethod.Post, new Uri("/aanmelden", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@b.nl", ["__RequestVerificationToken"] = "old" }),
        };
        stale.Headers.Accept.ParseAdd("text/html");
        var refused = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<h1>Formulier niet verwerkt</h1>", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The unsubscribe button of a mangled link.
        using var unknown = new HttpRequestMessage(HttpMethod.Post, new Uri("/afmelden-nudges/garbage", UriKind.Relative));
        unknown.Headers.Accept.ParseAdd("text/html");
        var missing = await client.SendAsync(unknown);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>Pagina niet gevonden</h1>", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMunicipalityAndMoment_GetThe404Page()
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        foreach (var path in new[] { "/gemeenten/GM0363", "/gemeenten/GM0344/momenten/election/2031", "/gemeenten/GM0344/momenten/no-such-kind/2030", "/mensen/999/wijzigen" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("<h1>Pagina niet gevonden</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ServerError_ShowsAReferenceThatIsInTheLog_AndNoStackTrace()
    {
        await using var factory = new TimingFactory();
        var capture = new LogCapture();
        await using var logged = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(capture)));
        var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        using (var scope = logged.Services.CreateScope())
        {
            await People.Directors.AddDirectorAsync(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), "d@org.nl", "Org", "", Core.Cycle.Language.Nl, factory.Clock.GetCurrentInstant(), CancellationToken.None);
        }
        await client.SignInAsync(factory, "d@org.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostAndFollowAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });

        // A real fault under the page: the audit table is gone.
        await Sql(logged, "ALTER TABLE date_changes RENAME TO date_changes_away");
        var response = await client.GetAsync(new Uri("/gemeenten/GM0344?lang=en", UriKind.Relative));
        await Sql(logged, "ALTER TABLE date_changes_away RENAME TO date_changes");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Something went wrong</h1>", html, StringComparison.Ordinal);
        var reference = Reference().Match(html).Groups[1].Value;
        Assert.NotEmpty(reference);
        Assert.Contains(capture.Lines, l => l.Contains("reference " + reference, StringComparison.Ordinal) && l.Contains("SqliteException", StringComparison.Ordinal));
        Assert.DoesNotContain("SqliteException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Timing.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedAddress_SurvivesAReload_MaskedAndEncrypted_UntilANewOneIsMade()
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        var page = await client.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        var made = await client.PostFormAsync("/mijn-feed", page, []);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var first = await client.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        var again = await client.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        var address = FeedAddress().Match(first).Groups[1].Value;
        Assert.Equal(address, FeedAddress().Match(again).Groups[1].Value);
        var token = address[(address.LastIndexOf('/') + 1)..^4];
        Assert.Contains($"/feeds/p/{token[..4]}••••••••••••.ics</code>", WebUtility.HtmlDecode(again), StringComparison.Ordinal);
        Assert.Contains("Feed-adres gemaakt.", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Feed-adres gemaakt.", again, StringComparison.Ordinal);

        var stored = await factory.WithDbAsync(db => db.FeedTokens.SingleAsync());
        Assert.NotNull(stored.Protected);
        Assert.DoesNotContain(token, stored.Protected, StringComparison.Ordinal);

        var second = await client.MakeFeedAsync();
        Assert.NotEqual(address, second);
        var revoked = await factory.WithDbAsync(db => db.FeedTokens.SingleAsync(t => t.Revoked != null));
        Assert.Null(revoked.Protected);
    }

    [Fact]
    public async Task ActualDate_ForAWindow_TakesStartAndEnd_AndTheConfirmationSaysWhatFollowed()
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        await factory.CreateMemberAsync("lezer@org.nl", await factory.WithDbAsync(db => db.Organisations.Select(o => o.Id).SingleAsync()));
        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));

        var point = await client.PostFormAsync("/gemeenten/GM0344?handler=Actual", detail, new() { ["Kind"] = "election", ["Date"] = "2030-03-13", ["EndDate"] = "2030-03-15" });
        Assert.Contains("Dit moment duurt één dag", WebUtility.HtmlDecode(await point.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var shown = await client.PostAndFollowAsync("/gemeenten/GM0344?handler=Actual", detail,
            new() { ["Kind"] = "negotiation", ["Date"] = "2030-04-10", ["EndDate"] = "2030-06-01" });
        var row = await factory.WithDbAsync(db => db.ActualDates.SingleAsync());
        Assert.Equal((new LocalDate(2030, 4, 10), new LocalDate(2030, 6, 1)), (row.Start, row.End));
        Assert.Matches(ConfirmationOfActual(), WebUtility.HtmlDecode(shown));

        var same = await client.PostAndFollowAsync("/gemeenten/GM0344?handler=Actual", detail,
            new() { ["Kind"] = "negotiation", ["Date"] = "2030-04-10", ["EndDate"] = "2030-06-01" });
        Assert.Contains("Niets gewijzigd", same, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.DateChanges.CountAsync()));
    }

    [Fact]
    public async Task ColleagueEdit_IsPrefilled_AndSavingUnchangedChangesNothing()
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        var people = await client.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        await client.PostAndFollowAsync("/mensen?handler=Save", people, new()
        {
            ["Email"] = "anna@org.nl", ["Name"] = "Anna", ["Language"] = "en", ["NudgeMode"] = "both", ["SelectedAudiences"] = "finance", ["SelectedMunicipalities"] = "GM0344",
        });
        var anna = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "anna@org.nl"));

        var edit = await client.GetStringAsync(new Uri($"/mensen/{anna.Id}/wijzigen", UriKind.Relative));
        Assert.Contains("<option value=\"en\" selected=\"selected\" lang=\"en\">English</option>", edit, StringComparison.Ordinal);
        Assert.Contains("<option value=\"both\" selected=\"selected\">", edit, StringComparison.Ordinal);
        Assert.Contains("name=\"SelectedAudiences\" value=\"finance\" checked=\"checked\"", edit, StringComparison.Ordinal);
        Assert.Contains("name=\"SelectedMunicipalities\" value=\"GM0344\" checked", edit, StringComparison.Ordinal);
        Assert.Contains("value=\"Anna\"", edit, StringComparison.Ordinal);

        // Submit the form exactly as shown.
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", AntiForgery().Match(edit).Groups[1].Value),
            new("Name", "Anna"), new("Language", "en"), new("NudgeMode", "both"), new("SelectedAudiences", "finance"), new("SelectedMunicipalities", "GM0344"),
        };
        var saved = await client.PostAsync(new Uri($"/mensen/{anna.Id}/wijzigen", UriKind.Relative), new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Niets gewijzigd voor anna@org.nl.", await client.GetStringAsync(new Uri("/mensen", UriKind.Relative)), StringComparison.Ordinal);
        var after = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "anna@org.nl"));
        Assert.Equivalent(anna, after);

        // Adding the same address again does not overwrite her choices.
        people = await client.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        var again = await client.PostFormAsync("/mensen?handler=Save", people, new() { ["Email"] = "anna@org.nl", ["Language"] = "nl" });
        Assert.Contains("Deze collega staat al in de lijst", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equivalent(anna, await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "anna@org.nl")));
    }

    [Fact]
    public async Task OwnUnsubscribe_IsNotUndoneByTheDirector_OnlyByThePerson()
    {
        await using var factory = new TimingFactory();
        var director = await DirectorWithUtrechtAsync(factory);
        var organisation = await factory.WithDbAsync(db => db.Organisations.Select(o => o.Id).SingleAsync());
        var anna = await factory.CreateMemberAsync("anna@org.nl", organisation);
        var token = await factory.Services.GetRequiredService<Timing.Mail.Unsubscribe>().TokenAsync(anna.Id, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Client().PostAsync(new Uri($"/afmelden-nudges/{token}", UriKind.Relative), null)).StatusCode);

        var people = await director.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        Assert.Contains("afgemeld door deze persoon", people, StringComparison.Ordinal);
        var edit = await director.GetStringAsync(new Uri($"/mensen/{anna.Id}/wijzigen", UriKind.Relative));
        Assert.Contains("Afgemeld door deze persoon", edit, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"NudgeMode\"", edit, StringComparison.Ordinal);
        // Even a crafted post cannot switch her reminders back on.
        await director.PostAndFollowAsync($"/mensen/{anna.Id}/wijzigen", edit, new() { ["Name"] = "Anna", ["Language"] = "nl", ["NudgeMode"] = "each" });
        var stored = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == anna.Id));
        Assert.Equal((NudgeMode.None, (NudgeMode?)NudgeMode.Each, "Anna"), (stored.NudgeMode, stored.ModeBeforeUnsubscribe, stored.Name));

        var self = factory.Client();
        await self.SignInAsync(factory, "anna@org.nl");
        var mine = await self.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        var back = await self.PostAndFollowAsync("/mijn-feed?handler=Resubscribe", mine, []);
        Assert.Contains("U ontvangt weer herinneringen per e-mail.", back, StringComparison.Ordinal);
        stored = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == anna.Id));
        Assert.Equal((NudgeMode.Each, (NudgeMode?)null), (stored.NudgeMode, stored.ModeBeforeUnsubscribe));
    }

    [Fact]
    public async Task Removals_AskFirst_ThenAreAudited_AndReplanTheReminders()
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        var organisation = await factory.WithDbAsync(db => db.Organisations.Select(o => o.Id).SingleAsync());
        var anna = await factory.CreateMemberAsync("anna@org.nl", organisation);
        var detail = await client.GetStringAsync(new Uri("/gemeenten/GM0344", UriKind.Relative));
        await client.PostAndFollowAsync("/gemeenten/GM0344?handler=Event", detail, new() { ["EventTitle"] = "Inspraakavond", ["EventDate"] = "2027-02-10" });
        await client.PostAndFollowAsync("/gemeenten/GM0344?handler=Actual", detail, new() { ["Kind"] = "coalition-agreement", ["Date"] = "2030-06-12" });
        var (actualId, eventId) = await factory.WithDbAsync(async db => ((await db.ActualDates.SingleAsync()).Id, (await db.LocalEvents.SingleAsync()).Id));

        // The date: a confirmation page first; the GET removes nothing.
        var ask = await client.GetStringAsync(new Uri($"/gemeenten/GM0344/verwijderen/datum/{actualId}", UriKind.Relative));
        Assert.Contains("Werkelijke datum verwijderen?", ask, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ActualDates.CountAsync()));
        var done = await client.PostAndFollowAsync($"/gemeenten/GM0344/verwijderen/datum/{actualId}", ask, []);
        Assert.Contains("Werkelijke datum verwijderd: Coalitieakkoord (2030): 12 juni 2030.", done, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ActualDates.CountAsync()));

        // The event.
        ask = await client.GetStringAsync(new Uri($"/gemeenten/GM0344/verwijderen/gebeurtenis/{eventId}", UriKind.Relative));
        done = await client.PostAndFollowAsync($"/gemeenten/GM0344/verwijderen/gebeurtenis/{eventId}", ask, []);
        Assert.Contains("Gebeurtenis verwijderd: Inspraakavond", done, StringComparison.Ordinal);
        var audit = await factory.WithDbAsync(db => db.DateChanges.OrderBy(c => c.Id).Select(c => c.Subject + ":" + c.OldValue + ">" + c.NewValue).ToListAsync());
        Assert.Contains("coalition-agreement/2030:2030-06-12>", audit);
        Assert.Contains("local-event:2027-02-10 Inspraakavond>", audit);

        // Following the municipality: pending reminders are withdrawn, the unfollow is kept in the organisation's trail.
        Assert.True(await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.PersonId == anna.Id && n.State == NudgeStates.Pending)) > 0);
        ask = await client.GetStringAsync(new Uri("/gemeenten/GM0344/verwijderen/gemeente", UriKind.Relative));
        Assert.Contains("Utrecht niet meer volgen?", ask, StringComparison.Ordinal);
        done = await client.PostAndFollowAsync("/gemeenten/GM0344/verwijderen/gemeente", ask, []);
        Assert.Matches(@"Utrecht wordt niet meer gevolgd\..* herinneringen ingetrokken\.", done);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.PersonId == anna.Id && n.State == NudgeStates.Pending)));
        Assert.Equal("unfollow/GM0344", await factory.WithDbAsync(db => db.OrganisationChanges.Select(c => c.Subject).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/gemeenten/GM0344", UriKind.Relative))).StatusCode);

        // A colleague: asked first, then removed.
        ask = await client.GetStringAsync(new Uri($"/mensen/{anna.Id}/verwijderen", UriKind.Relative));
        Assert.Contains("Collega verwijderen?", ask, StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.People.CountAsync()));
        done = await client.PostAndFollowAsync($"/mensen/{anna.Id}/verwijderen", ask, []);
        Assert.Contains("anna@org.nl is verwijderd.", done, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Unfollow_NeverWidensAColleaguesOwnChoiceOfMunicipalities()
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostAndFollowAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0363", ["Name"] = "" });
        var people = await client.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        await client.PostAndFollowAsync("/mensen?handler=Save", people, new() { ["Email"] = "anna@org.nl", ["Language"] = "nl", ["NudgeMode"] = "each", ["SelectedMunicipalities"] = "GM0344" });
        await factory.AcceptInvitationAsync("anna@org.nl");
        var anna = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "anna@org.nl"));
        Task<int> Pending() => factory.WithDbAsync(db => db.Nudges.CountAsync(n => n.PersonId == anna.Id && n.State == NudgeStates.Pending));
        Assert.True(await Pending() > 0);

        var ask = await client.GetStringAsync(new Uri("/gemeenten/GM0344/verwijderen/gemeente", UriKind.Relative));
        await client.PostAndFollowAsync("/gemeenten/GM0344/verwijderen/gemeente", ask, []);
        // She chose Utrecht only: Amsterdam's reminders are not hers, so she now has none; her choice is kept.
        Assert.Equal(0, await Pending());
        Assert.Equal(["GM0344"], (await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == anna.Id))).Municipalities);
        Assert.Contains("geen: de gekozen gemeenten worden niet meer gevolgd", await client.GetStringAsync(new Uri("/mensen", UriKind.Relative)), StringComparison.Ordinal);
        var edit = await client.GetStringAsync(new Uri($"/mensen/{anna.Id}/wijzigen", UriKind.Relative));
        Assert.Contains("Gekozen, maar niet meer gevolgd door uw organisatie: GM0344.", edit, StringComparison.Ordinal);
        Assert.Contains("name=\"SelectedMunicipalities\" value=\"GM0344\" checked", edit, StringComparison.Ordinal);
        // Her feed holds no other municipality either, and says why it is empty.
        var feed = (await factory.CreateClient().GetStringAsync(new Uri(await Timing.Tests.Feeds.PersonalFeedTests.FeedAddressAsync(factory, "anna@org.nl"), UriKind.Relative)))
            .Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("uw organisatie volgt de gemeenten die u koos niet meer", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("GM0363", feed, StringComparison.Ordinal);

        // Saving her as shown keeps her choice; unticking it gives her all the organisation follows.
        var form = new Dictionary<string, string> { ["Name"] = "", ["Language"] = "nl", ["NudgeMode"] = "each", ["SelectedMunicipalities"] = "GM0344" };
        Assert.Contains("Niets gewijzigd", await client.PostAndFollowAsync($"/mensen/{anna.Id}/wijzigen", edit, form), StringComparison.Ordinal);
        form.Remove("SelectedMunicipalities");
        await client.PostAndFollowAsync($"/mensen/{anna.Id}/wijzigen", edit, form);
        Assert.Empty((await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == anna.Id))).Municipalities);
        Assert.True(await Pending() > 0);
        edit = await client.GetStringAsync(new Uri($"/mensen/{anna.Id}/wijzigen", UriKind.Relative));
        await client.PostAndFollowAsync($"/mensen/{anna.Id}/wijzigen", edit, new(form) { ["SelectedMunicipalities"] = "GM0363" });
        Assert.Equal(["GM0363"], (await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == anna.Id))).Municipalities);

        // Following Utrecht again brings back nothing of Utrecht for her now: she chose Amsterdam.
        add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostAndFollowAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });
        Assert.True(await Pending() > 0);
        Assert.DoesNotContain(await factory.WithDbAsync(db => db.Nudges.Where(n => n.PersonId == anna.Id && n.State == NudgeStates.Pending).Select(n => n.Subject).ToListAsync()),
            s => s.Contains("GM0344", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Language", "de", "Taal ‘de’ kennen we niet")]
    [InlineData("NudgeMode", "evil", "Herinneringen ‘evil’ kennen we niet")]
    [InlineData("SelectedAudiences", "burgers", "Doelgroep ‘burgers’ kennen we niet")]
    [InlineData("SelectedMunicipalities", "GM0363", "Gemeente ‘GM0363’ volgt uw organisatie niet")]
    public async Task PeopleForms_RefuseAChoiceTheyNeverOffer_WithAMessage_AndStoreNothing(string field, string value, string message)
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        var people = await client.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        var fields = new Dictionary<string, string> { ["Email"] = "anna@org.nl", ["Language"] = "en", ["NudgeMode"] = "digest", ["SelectedAudiences"] = "finance", ["SelectedMunicipalities"] = "GM0344" };
        var added = await client.PostFormAsync("/mensen?handler=Save", people, new(fields) { [field] = value });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.People.CountAsync(p => p.Email == "anna@org.nl")));

        await client.PostAndFollowAsync("/mensen?handler=Save", people, fields);
        var anna = await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "anna@org.nl"));
        var edit = await client.GetStringAsync(new Uri($"/mensen/{anna.Id}/wijzigen", UriKind.Relative));
        fields.Remove("Email");
        var changed = await client.PostFormAsync($"/mensen/{anna.Id}/wijzigen", edit, new(fields) { [field] = value });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equivalent(anna, await factory.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "anna@org.nl")));
    }

    [Fact]
    public async Task AnAddressWorkingForAnotherOrganisation_IsAddedWithoutSayingSo_AndSignsInToEitherOrganisation()
    {
        await using var factory = new TimingFactory();
        var client = await DirectorWithUtrechtAsync(factory);
        await factory.CreateDirectorAsync("kim@elders.nl", "Elders");
        var people = await client.GetStringAsync(new Uri("/mensen", UriKind.Relative));
        var added = await client.PostAndFollowAsync("/mensen?handler=Save", people, new() { ["Email"] = "kim@elders.nl", ["Language"] = "nl", ["NudgeMode"] = "each" });
        // The same answer as for any new colleague: nothing tells that the address is known elsewhere.
        Assert.Contains("kim@elders.nl toegevoegd en uitgenodigd.", added, StringComparison.Ordinal);
        Assert.DoesNotContain("andere organisatie", added, StringComparison.Ordinal);
        Assert.Equal(["Elders", "Org"], await factory.WithDbAsync(db => db.People.Where(p => p.Email == "kim@elders.nl").Select(p => p.Organisation!.Name).OrderBy(n => n).ToListAsync()));

        // Her sign-in mail offers one link per organisation, each named; each signs in to its own organisation.
        var kim = factory.Client();
        await kim.RequestLinkAsync(factory, "kim@elders.nl");
        var text = Browserless.Mails(factory).Last().TextBody!;
        Assert.Contains("U werkt in Timing voor meer dan één organisatie.", text, StringComparison.Ordinal);
        var links = OrganisationLinks().Matches(text).ToDictionary(m => m.Groups[1].Value, m => new Uri(m.Groups[2].Value));
        Assert.Equal(["Elders", "Org"], links.Keys.Order().ToArray());
        await kim.ConfirmLinkAsync(links["Org"]);
        Assert.Contains("Utrecht", await kim.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await kim.GetAsync(new Uri("/mensen", UriKind.Relative))).StatusCode);
        var elsewhere = factory.Client();
        await elsewhere.ConfirmLinkAsync(links["Elders"]);
        Assert.DoesNotContain("Utrecht", await elsewhere.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(new Uri("/mensen", UriKind.Relative))).StatusCode);
    }

    private static async Task<HttpClient> DirectorWithUtrechtAsync(TimingFactory factory)
    {
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        await client.PostAndFollowAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0344", ["Name"] = "" });
        return client;
    }

    private static async Task Sql(WebApplicationFactory<Program> factory, string sql)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TimingDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    [GeneratedRegex(@"^(\w+):\r?\n(https://\S+)", RegexOptions.Multiline)]
    private static partial Regex OrganisationLinks();

    [GeneratedRegex("<code class=\"reference\">([^<]+)</code>")]
    private static partial Regex Reference();

    [GeneratedRegex("data-full=\"([^\"]+)\"")]
    private static partial Regex FeedAddress();

    [GeneratedRegex(@"Werkelijke datum opgeslagen: Coalitieonderhandelingen \(2030\), 10 april 2030 t/m 1 juni 2030\. .* (\d+ herinneringen? opnieuw gepland|Geen herinneringen veranderd)")]
    private static partial Regex ConfirmationOfActual();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();
}
