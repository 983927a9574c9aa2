using System.Globalization;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using Timing.Meetings;
using Timing.Storage;
using Timing.Tests;
using Timing.Tests.Web;

namespace Timing.BrowserTests;

/// <summary>
/// Every page in a real browser, signed out and signed in, at 1280 and 375 px, in Dutch and English: zero axe-core
/// violations of the WCAG 2.1 A and AA rules, no sideways scrolling, no text left untranslated, and a reload after
/// every form post changes nothing. Each part of the walk has its own server and browser.
/// </summary>
public sealed partial class EveryPageTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Director = "directeur@welzijn.nl";
    private const string Colleague = "anna@welzijn.nl";
    private static readonly int[] Widths = [1280, 375];
    private static readonly string[] Languages = ["nl", "en"];

    /// <summary>
    /// Texts that are the same in Dutch and English on purpose: the product's name, the names of the two languages
    /// (each in its own language), "Moment" (one word in both), the calendar format's name, and the data this walk
    /// enters or finds (municipalities, a person, an organisation, meetings).
    /// </summary>
    private static readonly HashSet<string> SameInBothLanguages = new(StringComparer.Ordinal)
    {
        "Timing", "Nederlands", "English", "Moment", "Utrecht", "Anna", "Welzijn Utrecht", "Inspraakavond",
        "Utrechtse Heuvelrug", "Begrotingsraad 2028", "Commissie Bestuur: kadernota 2028", "Commissie Bestuur",
        "Informatiebijeenkomst jaarrekening 2026", "iCalendar",
    };

    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _texts = new(StringComparer.Ordinal); // page → language → texts
    private readonly List<string> _problems = [];
    private TimingFactory _factory = null!;
    private string _address = "";
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), "Chromium is missing: run `apt-get install chromium` (bash .ci/prerequisites does this).");
        var port = TestPaths.FreePort();
        _address = $"http://127.0.0.1:{port}";
        // The director also operates this instance: the operator's link and the revert buttons are walked too.
        _factory = new TimingFactory(settings: new() { ["Feeds:BaseUrl"] = _address, ["Web:Operators:0"] = Director });
        _factory.UseKestrel(port);
        _factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }

    /// <summary>What the walk needs from the data the forms made.</summary>
    private sealed record Made(int Director, int Colleague, int Actual, int Event, string Unsubscribe, IPage Forms);

    /// <summary>
    /// The walk in parts, each on its own server and browser, so that each part finishes well within the browser's
    /// waits on a busy machine. Each part walks its pages in both languages and compares their texts.
    /// </summary>
    [Theory]
    [InlineData("signed-out")]
    [InlineData("municipality")]
    [InlineData("people-and-errors")]
    public async Task EveryPage_BothWidths_BothLanguages_IsAccessible_FitsTheScreen_AndIsTranslated(string part)
    {
        var made = await FillEverythingOnceAsync();
        foreach (var language in Languages)
        {
            var page = await NewPageAsync(language);
            if (part == "signed-out")
            {
                await SignedOutPagesAsync(page, language, made);
            }
            else
            {
                // Signing in, in this language, checks the sign-in pages on the way.
                await SignInAsync(page, language, check: part == "municipality");
                await (part == "municipality" ? MunicipalityPagesAsync(page, language, made) : PeopleAndErrorPagesAsync(page, language, made));
            }
            await page.Context.CloseAsync();
        }

        foreach (var (name, byLanguage) in _texts)
        {
            var untranslated = byLanguage["en"].Intersect(byLanguage["nl"]).Where(t => !IsData(t)).ToList();
            if (untranslated.Count > 0)
            {
                _problems.Add($"{name}: the same text in Dutch and English: {string.Join(" | ", untranslated)}");
            }
        }
        Assert.True(_problems.Count == 0, string.Join("\n", _problems));
    }

    /// <summary>Every form once, then the removals, each through its confirmation page and followed by a reload; then signing out.</summary>
    [Fact]
    public async Task EveryForm_RedirectsAndReloadsUnchanged_AndRemovalsAskFirst()
    {
        var made = await FillEverythingOnceAsync();
        var forms = made.Forms;
        await PostAndReloadAsync(forms, $"/gemeenten/GM0344/verwijderen/datum/{made.Actual}", "Datum verwijderen", "Werkelijke datum verwijderd");
        await PostAndReloadAsync(forms, $"/gemeenten/GM0344/verwijderen/gebeurtenis/{made.Event}", "Gebeurtenis verwijderen", "Gebeurtenis verwijderd");
        await PostAndReloadAsync(forms, $"/mensen/{made.Colleague}/verwijderen", "Verwijderen", $"{Colleague} is verwijderd");
        await PostAndReloadAsync(forms, "/gemeenten/GM0344/verwijderen/gemeente", "Niet meer volgen", "Utrecht wordt niet meer gevolgd");
        Assert.Equal((0, 0, 1, 0), await Db(async db => (await db.ActualDates.CountAsync(), await db.LocalEvents.CountAsync(), await db.People.CountAsync(), await db.FollowedMunicipalities.CountAsync())));
        await forms.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await forms.WaitForURLAsync(_address + "/aanmelden");
        await ReloadChangesNothingAsync(forms);
        Assert.Equal(0, await forms.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).CountAsync());
    }

    /// <summary>The forms, once, in Dutch at desktop width: each post redirects, and a reload changes nothing.</summary>
    private async Task<Made> FillEverythingOnceAsync()
    {
        var director = await _factory.CreateDirectorAsync(Director, "Welzijn Utrecht");
        await MeetingsOfUtrechtAsync();
        var forms = await NewPageAsync("nl");
        await SignInAsync(forms, "nl", check: false);
        await FillEverythingAsync(forms, director.Id);
        var ids = await Db(async db => (
            Colleague: (await db.People.SingleAsync(p => p.Email == Colleague)).Id,
            Actual: (await db.ActualDates.SingleAsync()).Id,
            Event: (await db.LocalEvents.SingleAsync()).Id));
        var unsubscribe = await _factory.Services.GetRequiredService<Timing.Mail.Unsubscribe>().TokenAsync(ids.Colleague, CancellationToken.None);
        // One reminder whose hand-over broke off: the reminders page shows it, with its button, in the walk.
        await DailyMailAsync(director.Id, NudgeStates.Uncertain,
            "the sending process stopped while handing this message to the mail server; check the server's log before resending", days: 1);
        return new(director.Id, ids.Colleague, ids.Actual, ids.Event, unsubscribe, forms);
    }

    private async Task SignedOutPagesAsync(IPage page, string language, Made made)
    {
        await CheckAsync(page, "sign-in", language, "/aanmelden");
        await page.GetByRole(AriaRole.Button, new() { Name = T(language, "Stuur mij een aanmeldlink", "Send me a sign-in link") }).ClickAsync();
        await CheckAsync(page, "sign-in-error", language, path: null);
        await CheckAsync(page, "sign-in-sent", language, "/aanmelden?verstuurd=1");
        await CheckAsync(page, "sign-in-bad-link", language, "/aanmelden/bevestigen?t=verlopen");
        await CheckAsync(page, "unsubscribe", language, $"/afmelden-nudges/{made.Unsubscribe}");
        await CheckAsync(page, "unsubscribe-done", language, $"/afmelden-nudges/{made.Unsubscribe}?klaar=1");
        await CheckAsync(page, "public-municipality-signed-out", language, "/gemeenten/GM0344/openbaar");
        await CheckAsync(page, "public-moment-signed-out", language, "/openbaar/gemeenten/GM0344/momenten/coalition-agreement/2030");
        await CheckAsync(page, "not-found-signed-out", language, "/bestaat-niet", expectedStatus: 404);
        await CheckAsync(page, "server-error-page", language, "/fout/500", expectedStatus: 500);
    }

    private async Task MunicipalityPagesAsync(IPage page, string language, Made made)
    {
        await CheckAsync(page, "overview", language, "/");
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = T(language, "Deze week", "This week"), Level = 1 }).IsVisibleAsync());
        await CheckAsync(page, "add-municipality", language, "/gemeenten/toevoegen?q=utr");
        await CheckAsync(page, "add-municipality-nothing-found", language, "/gemeenten/toevoegen?q=xyzzy");
        await CheckAsync(page, "municipality", language, "/gemeenten/GM0344");
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = T(language, "Vergaderingen om te bevestigen", "Meetings to confirm") }).IsVisibleAsync());
        await page.Locator("details.year").Last.Locator("summary").ClickAsync();
        await CheckAsync(page, "municipality-open-year", language, path: null);
        await page.GotoAsync(WithLanguage("/gemeenten/GM0344", language));
        await page.GetByRole(AriaRole.Button, new() { Name = T(language, "Datum opslaan", "Save date") }).ClickAsync();
        await CheckAsync(page, "municipality-form-errors", language, path: null, expectedStatus: null);
        await CheckAsync(page, "moment", language, "/gemeenten/GM0344/momenten/coalition-agreement/2030");
        await CheckAsync(page, "moment-by-law", language, "/gemeenten/GM0344/momenten/election/2030");
        await CheckAsync(page, "public-municipality", language, "/gemeenten/GM0344/openbaar");
        await CheckAsync(page, "public-moment", language, "/openbaar/gemeenten/GM0344/momenten/budget-debate/2028");
        await CheckAsync(page, "revert-fact", language, "/gemeenten/GM0344/openbaar/terugdraaien/budget-debate/2027");
        await CheckAsync(page, "meeting-sources", language, "/beheer/bronnen");
        await CheckAsync(page, "remove-date", language, $"/gemeenten/GM0344/verwijderen/datum/{made.Actual}");
        await CheckAsync(page, "remove-event", language, $"/gemeenten/GM0344/verwijderen/gebeurtenis/{made.Event}");
        await CheckAsync(page, "unfollow", language, "/gemeenten/GM0344/verwijderen/gemeente");
    }

    private async Task PeopleAndErrorPagesAsync(IPage page, string language, Made made)
    {
        await CheckAsync(page, "people", language, "/mensen");
        await page.GetByRole(AriaRole.Button, new() { Name = T(language, "Toevoegen", "Add"), Exact = true }).ClickAsync();
        await CheckAsync(page, "people-form-errors", language, path: null, expectedStatus: null);
        await CheckAsync(page, "edit-colleague", language, $"/mensen/{made.Colleague}/wijzigen");
        await CheckAsync(page, "reminders", language, $"/mensen/{made.Director}");
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = T(language, "Opnieuw versturen", "Send again") }).CountAsync());
        await CheckAsync(page, "reminders-none", language, $"/mensen/{made.Colleague}");
        await CheckAsync(page, "remove-colleague", language, $"/mensen/{made.Colleague}/verwijderen");
        await CheckAsync(page, "feed", language, "/mijn-feed");
        await CheckAsync(page, "sign-out", language, "/afmelden");
        await CheckAsync(page, "no-access", language, "/geen-toegang", expectedStatus: 403);
        await CheckAsync(page, "not-found", language, "/bestaat-niet", expectedStatus: 404);
        await CheckAsync(page, "unknown-municipality", language, "/gemeenten/GM9999", expectedStatus: 404);
        await CheckAsync(page, "unknown-moment", language, "/gemeenten/GM0344/momenten/election/2031", expectedStatus: 404);

        // A real fault under a page: the audit table is gone for one request.
        await Sql("ALTER TABLE date_changes RENAME TO date_changes_away");
        try
        {
            await CheckAsync(page, "server-error", language, "/gemeenten/GM0344", expectedStatus: 500);
        }
        finally
        {
            await Sql("ALTER TABLE date_changes_away RENAME TO date_changes");
        }
        Assert.Matches(Reference(), await page.Locator("code.reference").InnerTextAsync());
        var shown = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("Exception", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Timing.", shown, StringComparison.Ordinal);
    }

    /// <summary>Every form a director uses, in the order a new organisation would; a reload after each.</summary>
    private async Task FillEverythingAsync(IPage page, int directorId)
    {
        await page.GotoAsync(_address + "/gemeenten/toevoegen");
        await page.GetByLabel("Zoek op naam of code").FillAsync("Utrecht");
        await page.Keyboard.PressAsync("Enter");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Utrecht (GM0344)" }).GetByRole(AriaRole.Button, new() { Name = "Volgen" }), "Utrecht wordt nu gevolgd");

        // The first form of the municipality page is at most 15 Tab presses away.
        await page.GotoAsync(_address + "/gemeenten/GM0344");
        var presses = 0;
        while (presses < 40 && !await page.EvaluateAsync<bool>("() => document.activeElement?.closest('main form') != null"))
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
        }
        Assert.InRange(presses, 1, 15);

        // A committee meeting about the framework note: not certain, so a director confirms it.
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Bevestigen\W+Commissie Bestuur: kadernota 2028$") }), "Bevestigd: Commissie Bestuur: kadernota 2028");

        await page.GetByLabel("Moment", new() { Exact = true }).SelectOptionAsync("negotiation");
        await page.GetByLabel("Datum of begindatum").FillAsync("2030-04-10");
        await page.GetByLabel("Einddatum (alleen voor een periode)").FillAsync("2030-06-01");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Datum opslaan" }), "Werkelijke datum opgeslagen: Coalitieonderhandelingen (2030), 10 april 2030 t/m 1 juni 2030");

        await page.GetByLabel("Titel of toelichting").FillAsync("Inspraakavond");
        await page.Locator("#event-date").FillAsync("2027-02-10");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }), "Gebeurtenis toegevoegd: Inspraakavond");

        await page.GetByLabel("Regio schoolvakanties").SelectOptionAsync("midden");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Schema opslaan" }), "Schema opgeslagen: schoolregio Midden");

        await page.GetByLabel("Bron (adres)").FillAsync("https://utrecht.example/raad/onderhandelingen");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Openbaar maken" }), "Openbaar gemaakt: Coalitieonderhandelingen (2030)");

        // The operator reverts the published date from the public page, through its confirmation page.
        await page.GotoAsync(_address + "/gemeenten/GM0344/openbaar");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Terugdraaien\W+Coalitieonderhandelingen \(?2030\)?$") }).ClickAsync();
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Terugdraaien", Exact = true }), "Teruggedraaid: Coalitieonderhandelingen");

        await page.GotoAsync(_address + "/mensen");
        await page.GetByLabel("E-mailadres").FillAsync(Colleague);
        await page.GetByLabel("Naam").FillAsync("Anna");
        await page.GetByLabel("Taal van feed en e-mail").SelectOptionAsync("en");
        await page.GetByLabel("financieel adviseur of controller", new() { Exact = true }).CheckAsync();
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }), $"{Colleague} toegevoegd");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Wijzigen {Colleague}" }).ClickAsync();
        Assert.Equal("en", await page.GetByLabel("Taal van feed en e-mail").InputValueAsync());
        Assert.Equal("Anna", await page.GetByLabel("Naam").InputValueAsync());
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }), $"Niets gewijzigd voor {Colleague}");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Wijzigen {Colleague}" }).ClickAsync();
        await page.GetByLabel("Herinneringen per e-mail").SelectOptionAsync("digest");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }), $"Opgeslagen voor {Colleague}: herinneringen gewijzigd");

        // A reminder that failed to go out: the director sends it again, once.
        var nudge = await DailyMailAsync(directorId, NudgeStates.Failed, "550 mailbox unavailable", days: 0);
        await page.GotoAsync($"{_address}/mensen/{nudge.PersonId}");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw versturen" }), "staat opnieuw in de wachtrij");
        Assert.Equal(NudgeStates.Pending, await Db(db => db.Nudges.Where(n => n.Id == nudge.Id).Select(n => n.State).SingleAsync()));

        await page.GotoAsync(_address + "/mijn-feed");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Feed-adres maken" }), "Feed-adres gemaakt");
        var address = await page.Locator("#feed-url").GetAttributeAsync("data-full");
        Assert.DoesNotContain(address!, await page.Locator("#feed-url").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon adres" }).ClickAsync();
        Assert.Equal(address, await page.Locator("#feed-url").InnerTextAsync());
        Assert.Equal(200, (await page.APIRequest.GetAsync(address!, new() { Timeout = 120_000 })).Status);

        // The director unsubscribes through a mail's link, and takes it back on "Mijn agenda-feed".
        var token = await _factory.Services.GetRequiredService<Timing.Mail.Unsubscribe>().TokenAsync(directorId, CancellationToken.None);
        await page.GotoAsync($"{_address}/afmelden-nudges/{token}");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Geen e-mails meer" }), "U ontvangt geen herinneringen", confirmationStays: true);
        await page.GotoAsync(_address + "/mijn-feed");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Weer herinneringen ontvangen" }), "U ontvangt weer herinneringen");
    }

    /// <summary>
    /// A day's reminder mail of <paramref name="personId"/> that went wrong, on the day of their first planned reminder
    /// (plus <paramref name="days"/>): what a director sends again from the reminders page. Reminders travel in one
    /// mail per person and day, so that mail is what a failure or an uncertain hand-over is recorded on.
    /// </summary>
    private async Task<(long Id, int PersonId)> DailyMailAsync(int personId, string state, string error, int days)
    {
        return await Db(async db =>
        {
            var first = await db.Nudges.Where(n => n.PersonId == personId && n.Kind == NudgeKinds.Nudge && n.State == NudgeStates.Pending).OrderBy(n => n.Due).FirstAsync();
            var day = first.Day.PlusDays(days);
            var mail = new Nudge
            {
                PersonId = personId, Kind = NudgeKinds.Daily, Subject = day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), Day = day,
                Due = first.Due.Plus(Duration.FromDays(days)), Created = _factory.Clock.GetCurrentInstant(), State = state, LastError = error, Attempts = 1,
            };
            db.Nudges.Add(mail);
            await db.SaveChangesAsync();
            return (mail.Id, personId);
        });
    }

    /// <summary>Council meetings of Utrecht as a calendar would show them: one dates the budget debate, two ask for a confirmation.</summary>
    private async Task MeetingsOfUtrechtAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var now = _factory.Clock.GetCurrentInstant();
        db.MeetingSources.Add(new MeetingSource
        {
            Code = "GM0344", Kind = "ical", Address = "https://utrecht.example/raad.ics", LastAttempt = now, LastSuccess = now,
            SeesUntil = new LocalDate(2027, 12, 16), MeetingsSeen = 3, ConfiguredBy = "operator", Configured = now,
        });
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<MeetingImporter>().StoreAsync("GM0344", "ical", "https://utrecht.example/raad.ics",
        [
            new("u1", "Begrotingsraad 2028", "", "Stadhuis", "https://utrecht.example/raad/1", new LocalDate(2027, 11, 4), null),
            new("u2", "Commissie Bestuur: kadernota 2028", "Commissie Bestuur", "Stadhuis", "https://utrecht.example/raad/2", new LocalDate(2027, 5, 20), null),
            new("u3", "Informatiebijeenkomst jaarrekening 2026", "", "Stadhuis", "https://utrecht.example/raad/3", new LocalDate(2027, 6, 3), null),
        ], [], CancellationToken.None);
    }

    private async Task PostAndReloadAsync(IPage page, string confirmPath, string button, string confirmation)
    {
        await page.GotoAsync(_address + confirmPath);
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }), confirmation);
    }

    /// <summary>Submits a form, sees the confirmation, reloads, and finds the database and the page as before the reload.</summary>
    private async Task SubmitAndReloadAsync(IPage page, ILocator submit, string confirmation, bool confirmationStays = false)
    {
        await submit.ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = confirmation }).WaitForAsync();
        await ReloadChangesNothingAsync(page);
        Assert.Equal(confirmationStays ? 1 : 0, await page.GetByRole(AriaRole.Status).Filter(new() { HasText = confirmation }).CountAsync());
    }

    /// <summary>A reload is a GET, and leaves the database and the page's content (apart from a one-time confirmation) as they were.</summary>
    private async Task ReloadChangesNothingAsync(IPage page)
    {
        var before = await FingerprintAsync();
        var content = await MainContentAsync(page);
        var reload = await page.ReloadAsync();
        Assert.Equal("GET", reload!.Request.Method);
        await _factory.SignInQueueHandledAsync();
        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(content, await MainContentAsync(page));
    }

    /// <summary>The text of the page's main content, without the confirmation that a redirect shows once.</summary>
    private static Task<string> MainContentAsync(IPage page) => page.EvaluateAsync<string>(
        "() => [...document.querySelector('main').children].filter(e => !e.matches('.alert--ok[role=status]')).map(e => e.innerText).join('\\n')");

    /// <summary>Every row of every table, and the mail written so far: what a reload must leave as it was.</summary>
    private async Task<string> FingerprintAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var connection = scope.ServiceProvider.GetRequiredService<TimingDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await rows.ExecuteReaderAsync();
            text.Append(table).Append('\n');
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
                text.Append('\n');
            }
        }
        return text.Append("mail ").Append(Browserless.Mails(_factory).Length).ToString();
    }

    private async Task<IPage> NewPageAsync(string language)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = Widths[0], Height = 800 }, Locale = language == "en" ? "en-GB" : "nl-NL" });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Asks for a link, reads it from the pickup folder (the mail is sent in the background) and confirms it, as a
    /// person would; a reload after each post changes nothing. With <paramref name="check"/> the pages on the way are checked.
    /// </summary>
    private async Task SignInAsync(IPage page, string language, bool check)
    {
        var before = Browserless.Mails(_factory).Length;
        await page.GotoAsync(WithLanguage("/aanmelden", language));
        await page.GetByLabel(T(language, "E-mailadres", "E-mail address")).FillAsync(Director);
        await page.GetByRole(AriaRole.Button, new() { Name = T(language, "Stuur mij een aanmeldlink", "Send me a sign-in link") }).ClickAsync();
        // Waits for the redirect's answer, then for the confirmation on the page: not for the load event, which once,
        // in a full test run, never came for this page although the network had gone quiet.
        await page.WaitForURLAsync(_address + "/aanmelden?verstuurd=1", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        await _factory.SignInQueueHandledAsync();
        var mails = await Browserless.WaitForMailsAsync(() => Browserless.Mails(_factory), before + 1);
        Assert.Equal(before + 1, mails.Length);
        await ReloadChangesNothingAsync(page);
        Assert.Equal(1, await page.GetByRole(AriaRole.Status).CountAsync());

        var link = SignInLink().Match(mails.Last().TextBody!).Value;
        Assert.NotEmpty(link);
        await page.GotoAsync($"{link}&lang={language}");
        if (check)
        {
            await CheckAsync(page, "sign-in-confirm", language, path: null);
        }
        var confirmed = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = T(language, "Aanmelden", "Sign in"), Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST");
        if (confirmed.Status != 302)
        {
            Assert.Fail($"The confirmation answered {confirmed.Status}: {await confirmed.TextAsync()}");
        }
        await page.WaitForURLAsync(_address + "/");
        await ReloadChangesNothingAsync(page);
    }

    /// <summary>
    /// Opens a page (or takes the one shown) and checks it at both widths: axe-core's WCAG 2.1 A and AA rules, no
    /// sideways scrolling, the page's language, the status; its texts are kept to compare the two languages.
    /// </summary>
    private async Task CheckAsync(IPage page, string name, string language, string? path, int? expectedStatus = 200)
    {
        if (path is not null)
        {
            var response = await page.GotoAsync(WithLanguage(path, language));
            if (expectedStatus is { } expected && response!.Status != expected)
            {
                _problems.Add($"{name} ({language}): status {response.Status}, expected {expected}");
            }
        }
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 800);
            var where = $"{name} ({width} px, {language})";
            var axe = await RunAxeAsync(page);
            if (axe.Passes.Length == 0)
            {
                _problems.Add($"{where}: axe checked nothing");
            }
            foreach (var violation in axe.Violations)
            {
                _problems.Add($"{where}: axe {violation.Id}: {violation.Help} at {string.Join(" ; ", violation.Nodes.Select(n => n.Html))}");
            }
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                var wide = await page.EvaluateAsync<string>(
                    "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
                _problems.Add($"{where}: scrolls sideways ({widths[0]} > {widths[1]} px): {wide}");
            }
            if (await page.EvaluateAsync<string>("() => document.documentElement.lang") != language)
            {
                _problems.Add($"{where}: html lang is not {language}");
            }
            var texts = await page.EvaluateAsync<string[]>(
                """
                () => [
                    document.title,
                    ...document.body.innerText.split('\n'),
                    ...(() => {
                        // Every visible text node on its own as well: a line that mixes a translated label with an
                        // untranslated phrase is found through the phrase.
                        const nodes = [];
                        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                        while (walker.nextNode()) {
                            const parent = walker.currentNode.parentElement;
                            if (parent && parent.checkVisibility() && !['SCRIPT', 'STYLE'].includes(parent.tagName)) {
                                nodes.push(walker.currentNode.textContent);
                            }
                        }
                        return nodes;
                    })(),
                    ...[...document.querySelectorAll('option, svg title, svg text')].map(e => e.textContent),
                    ...[...document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [data-label]')]
                        .flatMap(e => ['aria-label', 'title', 'placeholder', 'alt', 'data-label'].map(a => e.getAttribute(a) ?? '')),
                ].map(t => t.trim()).filter(t => t.length > 0)
                """);
            if (!_texts.TryGetValue(name, out var byLanguage))
            {
                _texts[name] = byLanguage = new() { ["nl"] = [], ["en"] = [] };
            }
            byLanguage[language].UnionWith(texts);
        }
        await page.SetViewportSizeAsync(Widths[0], 800);
    }

    /// <summary>
    /// axe-core with the WCAG 2.1 A and AA rules. The pages have no frames, so axe runs in the page itself ("legacy"
    /// mode): the default mode finishes every run in a new browser page, which takes seconds on a busy machine.
    /// </summary>
    private static Task<AxeResult> RunAxeAsync(IPage page)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            ResultTypes = [ResultType.Violations],
            Iframes = false,
        };
#pragma warning disable CS0618 // the mode without frames is the one these pages need; see above
        return page.RunAxeLegacy(null, options);
#pragma warning restore CS0618
    }

    /// <summary>
    /// Text that is the same in both languages by nature: made only of names, addresses, codes, numbers and dates,
    /// such as "Utrecht · Timing", "2027-02-10 Inspraakavond" or "Commissie Bestuur: kadernota 2028 (Commissie Bestuur)".
    /// </summary>
    private static bool IsData(string text) =>
        text.Contains("://", StringComparison.Ordinal) || Citation().IsMatch(text)
        || DataSeparator().Split(IsoDate().Replace(text, " ")).Select(p => p.Trim(' ', ':', '.')).Where(p => p.Length > 0).All(p =>
            SameInBothLanguages.Contains(p) || !p.Any(char.IsLetter) || p.Contains('@', StringComparison.Ordinal) || Reference().IsMatch(p) || Code().IsMatch(p));

    private string WithLanguage(string path, string language) => $"{_address}{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}lang={language}";

    private static string T(string language, string nl, string en) => language == "en" ? en : nl;

    private async Task Sql(string sql)
    {
        using var scope = _factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<TimingDbContext>().Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<T> Db<T>(Func<TimingDbContext, Task<T>> read)
    {
        using var scope = _factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TimingDbContext>());
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/aanmelden/bevestigen\?t=[A-Za-z0-9_-]+")]
    private static partial Regex SignInLink();

    /// <summary>The reference a 500 page shows: the request's trace identifier, which the log line carries.</summary>
    [GeneratedRegex(@"^[0-9A-Z]{13}:[0-9A-F]{8}$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^GM\d{4}$")]
    private static partial Regex Code();

    /// <summary>A Dutch act cited as it is published ("Kieswet art. J 1"), the way English texts cite it too.</summary>
    [GeneratedRegex(@"^(Kieswet|Gemeentewet) art\. [A-Z]?\s?\d+")]
    private static partial Regex Citation();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    /// <summary>What separates data in a line: a middle dot, brackets, commas.</summary>
    [GeneratedRegex(@"[·(),]")]
    private static partial Regex DataSeparator();
}
