using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Timing.Storage;
using Timing.Tests;
using Timing.Tests.Web;

namespace Timing.BrowserTests;

/// <summary>
/// Every page in a real browser, signed out and signed in, at 1280 and 375 px, in Dutch and English: zero axe-core
/// violations of the WCAG 2.1 A and AA rules, no sideways scrolling, no text left untranslated, and a reload after
/// every form post changes nothing.
/// </summary>
public sealed partial class EveryPageTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] Widths = ["1280", "375"];

    // Words that are the same in Dutch and English, and data that is not translated (names, addresses, codes).
    private static readonly HashSet<string> SameInBothLanguages = new(StringComparer.Ordinal)
    {
        "Timing", "Nederlands", "English", "Moment", "Status", "Utrecht", "Utrecht (GM0344)", "Inspraakavond", "2027-02-10 Inspraakavond", "Anna",
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
        _factory = new TimingFactory(settings: new() { ["Feeds:BaseUrl"] = _address });
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

    [Fact]
    public async Task EveryPage_BothWidths_BothLanguages_IsAccessible_FitsTheScreen_AndIsTranslated()
    {
        var director = await _factory.CreateDirectorAsync("directeur@welzijn.nl", "Welzijn Utrecht");
        var unsubscribe = await _factory.Services.GetRequiredService<Timing.Mail.Unsubscribe>().TokenAsync(director.Id, CancellationToken.None);

        // The forms, once, in Dutch at desktop width: each post redirects, and a reload changes nothing.
        var forms = await SignedInAsync("1280", "nl");
        await FillEverythingAsync(forms);
        await forms.Context.CloseAsync();
        var ids = await Db(async db => (
            Colleague: (await db.People.SingleAsync(p => p.Email == "anna@welzijn.nl")).Id,
            Actual: (await db.ActualDates.SingleAsync()).Id,
            Event: (await db.LocalEvents.SingleAsync()).Id));

        foreach (var width in Widths)
        {
            foreach (var language in new[] { "nl", "en" })
            {
                var page = await NewPageAsync(width, language);
                await page.GotoAsync($"{_address}/aanmelden?lang={language}");
                await CheckAsync(page, "sign-in", width, language);
                await CheckAsync(page, "unsubscribe", width, language, $"/afmelden-nudges/{unsubscribe}");
                await CheckAsync(page, "not-found", width, language, "/bestaat-niet", expectedStatus: 404);
                await CheckAsync(page, "server-error-direct", width, language, "/fout/500", expectedStatus: 500);
                await page.GotoAsync(_address + "/aanmelden");
                await SignInAsync(page, width, language);

                await CheckAsync(page, "overview", width, language, "/");
                await CheckAsync(page, "add-municipality", width, language, "/gemeenten/toevoegen?q=utr");
                await CheckAsync(page, "municipality", width, language, "/gemeenten/GM0344");
                await page.Locator("details.year").Last.Locator("summary").ClickAsync();
                await CheckAsync(page, "municipality-open-year", width, language, path: null);
                await CheckAsync(page, "moment", width, language, "/gemeenten/GM0344/momenten/coalition-agreement/2030");
                await CheckAsync(page, "remove-date", width, language, $"/gemeenten/GM0344/verwijderen/datum/{ids.Actual}");
                await CheckAsync(page, "remove-event", width, language, $"/gemeenten/GM0344/verwijderen/gebeurtenis/{ids.Event}");
                await CheckAsync(page, "unfollow", width, language, "/gemeenten/GM0344/verwijderen/gemeente");
                await CheckAsync(page, "people", width, language, "/mensen");
                await CheckAsync(page, "edit-colleague", width, language, $"/mensen/{ids.Colleague}/wijzigen");
                await CheckAsync(page, "reminders", width, language, $"/mensen/{ids.Colleague}");
                await CheckAsync(page, "remove-colleague", width, language, $"/mensen/{ids.Colleague}/verwijderen");
                await CheckAsync(page, "feed", width, language, "/mijn-feed");
                await CheckAsync(page, "no-access", width, language, "/geen-toegang", expectedStatus: 403);
                await CheckAsync(page, "unknown-municipality", width, language, "/gemeenten/GM9999", expectedStatus: 404);

                // A real fault under a page: the audit table is gone for one request.
                await Sql("ALTER TABLE date_changes RENAME TO date_changes_away");
                try
                {
                    await CheckAsync(page, "server-error", width, language, "/gemeenten/GM0344", expectedStatus: 500);
                }
                finally
                {
                    await Sql("ALTER TABLE date_changes_away RENAME TO date_changes");
                }
                Assert.Matches(ReferenceText(), await page.Locator("code.reference").InnerTextAsync());
                await page.Context.CloseAsync();
            }
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

        // Removals last, each through its confirmation page, each followed by a reload.
        var removals = await SignedInAsync("1280", "nl");
        await PostAndReloadAsync(removals, $"/gemeenten/GM0344/verwijderen/datum/{ids.Actual}", "Datum verwijderen", "Werkelijke datum verwijderd");
        await PostAndReloadAsync(removals, $"/gemeenten/GM0344/verwijderen/gebeurtenis/{ids.Event}", "Gebeurtenis verwijderen", "Gebeurtenis verwijderd");
        await PostAndReloadAsync(removals, $"/mensen/{ids.Colleague}/verwijderen", "Verwijderen", "anna@welzijn.nl is verwijderd");
        await PostAndReloadAsync(removals, "/gemeenten/GM0344/verwijderen/gemeente", "Niet meer volgen", "Utrecht wordt niet meer gevolgd");
        Assert.Equal((0, 0, 1, 0), await Db(async db => (await db.ActualDates.CountAsync(), await db.LocalEvents.CountAsync(), await db.People.CountAsync(), await db.FollowedMunicipalities.CountAsync())));
    }

    /// <summary>Every form a director and colleague use, in the order a new organisation would; a reload after each.</summary>
    private async Task FillEverythingAsync(IPage page)
    {
        await page.GotoAsync(_address + "/gemeenten/toevoegen");
        await page.GetByLabel("Zoek op naam of code").FillAsync("Utrecht");
        await page.Keyboard.PressAsync("Enter");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Utrecht (GM0344)" }).GetByRole(AriaRole.Button, new() { Name = "Volgen" }), "Utrecht wordt nu gevolgd");

        // The first form of the municipality page is at most 15 Tab presses away.
        await page.GotoAsync(_address + "/gemeenten/GM0344");
        var presses = 0;
        while (presses < 40 && await page.EvaluateAsync<string>("document.activeElement?.id ?? ''") != "kind")
        {
            await page.Keyboard.PressAsync("Tab");
            presses++;
        }
        Assert.InRange(presses, 1, 15);

        await page.GetByLabel("Moment", new() { Exact = true }).SelectOptionAsync("negotiation");
        await page.GetByLabel("Datum of begindatum").FillAsync("2030-04-10");
        await page.GetByLabel("Einddatum (alleen voor een periode)").FillAsync("2030-06-01");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Datum opslaan" }), "Werkelijke datum opgeslagen: Coalitieonderhandelingen (2030), 10 april 2030 t/m 1 juni 2030");

        await page.GetByLabel("Titel").FillAsync("Inspraakavond");
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync("2027-02-10");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }), "Gebeurtenis toegevoegd: Inspraakavond");

        await page.GetByLabel("Regio schoolvakanties").SelectOptionAsync("midden");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Schema opslaan" }), "Schema opgeslagen: schoolregio Midden");

        await page.GotoAsync(_address + "/mensen");
        await page.GetByLabel("E-mailadres").FillAsync("anna@welzijn.nl");
        await page.GetByLabel("Naam").FillAsync("Anna");
        await page.GetByLabel("Taal van feed en e-mail").SelectOptionAsync("en");
        await page.GetByLabel("financiën", new() { Exact = true }).CheckAsync();
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Toevoegen" }), "anna@welzijn.nl toegevoegd");

        await page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen anna@welzijn.nl" }).ClickAsync();
        Assert.Equal("en", await page.GetByLabel("Taal van feed en e-mail").InputValueAsync());
        Assert.Equal("Anna", await page.GetByLabel("Naam").InputValueAsync());
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }), "Niets gewijzigd voor anna@welzijn.nl");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wijzigen anna@welzijn.nl" }).ClickAsync();
        await page.GetByLabel("Herinneringen per e-mail").SelectOptionAsync("digest");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }), "Opgeslagen voor anna@welzijn.nl: herinneringen gewijzigd");

        await page.GotoAsync(_address + "/mijn-feed");
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Feed-adres maken" }), "Feed-adres gemaakt");
        var address = await page.Locator("#feed-url").GetAttributeAsync("data-full");
        Assert.DoesNotContain(address!, await page.Locator("#feed-url").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon adres" }).ClickAsync();
        Assert.Equal(address, await page.Locator("#feed-url").InnerTextAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, (System.Net.HttpStatusCode)(await page.APIRequest.GetAsync(address!, new() { Timeout = 120_000 })).Status);
    }

    private async Task PostAndReloadAsync(IPage page, string confirmPath, string button, string confirmation)
    {
        await page.GotoAsync(_address + confirmPath);
        await SubmitAndReloadAsync(page, page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }), confirmation);
    }

    /// <summary>Submits a form, sees the confirmation, reloads, and finds the database exactly as before the reload.</summary>
    private async Task SubmitAndReloadAsync(IPage page, ILocator submit, string confirmation)
    {
        await submit.ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = confirmation }).WaitForAsync();
        var before = await FingerprintAsync();
        var reload = await page.ReloadAsync();
        Assert.Equal("GET", reload!.Request.Method);
        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Status).Filter(new() { HasText = confirmation }).CountAsync());
    }

    private Task<string> FingerprintAsync() => Db(async db => string.Join(',',
        await db.People.CountAsync(), await db.People.SumAsync(p => p.Name.Length + p.NudgeMode.Length + p.Language.Length + p.Audiences.Length + p.Municipalities.Length),
        await db.FollowedMunicipalities.CountAsync(), await db.FollowedMunicipalities.SumAsync(m => m.Version),
        await db.ActualDates.CountAsync(), await db.LocalEvents.CountAsync(), await db.DateChanges.CountAsync(), await db.OrganisationChanges.CountAsync(),
        await db.FeedTokens.CountAsync(), await db.FeedTokens.CountAsync(t => t.RevokedUnixMs == null), await db.Nudges.CountAsync(), await db.SignInLinks.CountAsync()));

    private async Task<IPage> SignedInAsync(string width, string language)
    {
        var page = await NewPageAsync(width, language);
        await page.GotoAsync($"{_address}/aanmelden?lang={language}");
        await SignInAsync(page, width, language);
        return page;
    }

    private async Task<IPage> NewPageAsync(string width, string language)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = int.Parse(width, System.Globalization.CultureInfo.InvariantCulture), Height = 800 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Ask for a link, read it from the pickup folder, confirm it: the sign-in pages are checked on the way.</summary>
    private async Task SignInAsync(IPage page, string width, string language)
    {
        var en = language == "en";
        var before = Browserless.Mails(_factory).Length;
        await page.GetByLabel(en ? "E-mail address" : "E-mailadres").FillAsync("directeur@welzijn.nl");
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Send me a sign-in link" : "Stuur mij een aanmeldlink" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).WaitForAsync();
        if (width == "1280")
        {
            await CheckAsync(page, "sign-in-sent", width, language, path: null);
        }
        var mails = Browserless.Mails(_factory);
        Assert.Equal(before + 1, mails.Length);
        await page.GotoAsync(SignInLink().Match(mails.Last().TextBody!).Value);
        await CheckAsync(page, "sign-in-confirm", width, language, path: null);
        await page.GetByRole(AriaRole.Button, new() { Name = en ? "Sign in" : "Aanmelden", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(_address + "/");
    }

    /// <summary>Opens a page (or checks the one shown) and records every problem: axe violations, sideways scrolling, status.</summary>
    private async Task CheckAsync(IPage page, string name, string width, string language, string? path = null, int expectedStatus = 200)
    {
        if (path is not null)
        {
            var response = await page.GotoAsync(_address + path);
            if (response!.Status != expectedStatus)
            {
                _problems.Add($"{name} ({width}, {language}): status {response.Status}, expected {expectedStatus}");
            }
        }
        var where = $"{name} ({width} px, {language})";
        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
        foreach (var violation in axe.Violations)
        {
            _problems.Add($"{where}: axe {violation.Id}: {violation.Help} at {string.Join(" ; ", violation.Nodes.Select(n => n.Html))}");
        }
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scroll, client) = (widths[0], widths[1]);
        if (scroll > client)
        {
            var wide = await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ')");
            _problems.Add($"{where}: scrolls sideways ({scroll} > {client} px): {wide}");
        }
        if (await page.EvaluateAsync<string>("document.documentElement.lang") != language)
        {
            _problems.Add($"{where}: html lang is not {language}");
        }
        var texts = await page.EvaluateAsync<string[]>(
            "() => [...document.body.innerText.split('\\n'), ...[...document.querySelectorAll('[aria-label],[title],[placeholder]')].map(e => e.getAttribute('aria-label') || e.getAttribute('title') || e.getAttribute('placeholder'))].map(t => t.trim()).filter(t => t.length > 0)");
        if (!_texts.TryGetValue(name, out var byLanguage))
        {
            _texts[name] = byLanguage = new() { ["nl"] = [], ["en"] = [] };
        }
        byLanguage[language].UnionWith(texts);
    }

    /// <summary>Text that is the same in both languages by nature: names, addresses, codes, numbers and dates.</summary>
    private static bool IsData(string text) =>
        SameInBothLanguages.Contains(text) || SameInBothLanguages.Contains(text.Trim(' ', ':', '·', ',', '(', ')')) || text.Contains('@', StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal)
        || !text.Any(char.IsLetter) || Reference().IsMatch(text);

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

    [GeneratedRegex(@"^[0-9A-Z]{13}:[0-9A-F]{8}$")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\S+$")]
    private static partial Regex ReferenceText();
}
