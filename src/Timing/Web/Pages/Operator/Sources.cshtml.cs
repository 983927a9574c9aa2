using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Facts;
using Timing.Meetings;
using Timing.Storage;
using Timing.Web.Texts;

namespace Timing.Web.Pages.Operator;

/// <summary>
/// The instance's meeting sources, for its operators: every followed municipality with where its meetings come from,
/// whether reading works, how far the source sees, when it was last read and what went wrong; and the forms to connect,
/// change or disconnect a source, to search for one again, and (through their confirmation page) to revert public facts.
/// The same changes as <c>timing meetings source</c>.
/// </summary>
public sealed class SourcesModel(TimingDbContext db, IClock clock, IOptions<WebOptions> web, OpenBesluitvormingReader openBesluitvorming,
    SourceDiscovery discovery, CycleRules rules) : PageModel
{
    /// <summary>One followed municipality as the page lists it.</summary>
    public sealed record Row(string Code, string Name, int Followers, SourceFreshness Freshness, MeetingSourceDiscovery? Discovery, IReadOnlyList<PublicFact> Facts);

    /// <summary>The longest address the sources' column holds.</summary>
    public const int MaxAddress = 2000;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>The municipality whose form was refused, and why (shown beside that form).</summary>
    public (string Code, string Message)? Problem { get; private set; }

    /// <summary>What the refused form held, so the operator corrects rather than retypes.</summary>
    public (string Kind, string Address) Entered { get; private set; } = ("", "");

    /// <summary>A moment as readers know it: "Begrotingsbehandeling 2027".</summary>
    public string MomentName(string kind, int cycle) =>
        SubjectNames.Change($"{kind}/{cycle.ToString(CultureInfo.InvariantCulture)}", rules, Ui.Language(HttpContext));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!User.IsOperator(web.Value))
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConnectAsync([FromForm] string? code, [FromForm] string? kind, [FromForm] string? address, CancellationToken cancellationToken)
    {
        var (refusal, followed) = await OperatorAndFollowedAsync(code, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var value = (address ?? "").Trim();
        Entered = (kind ?? "", value);
        string? detail = null;
        LocalizedText? refused = null;
        switch (kind)
        {
            case MeetingSourceKinds.Ical when value.Length > MaxAddress || !MeetingFetcher.IsHttp(value):
                // A file on the server is the command line's business: a web form must not read the server's disk.
                refused = new("Geef het http(s)-adres van de iCalendar-export van de raad.", "Give the http(s) address of the council's iCalendar export.");
                break;
            case MeetingSourceKinds.Notubiz when !(int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0):
                refused = new($"'{Shown(value)}' is geen Notubiz-organisatienummer; verwacht een geheel getal boven 0, bijvoorbeeld 686.",
                    $"'{Shown(value)}' is not a Notubiz organisation id; expected a whole number above 0, e.g. 686.");
                break;
            case MeetingSourceKinds.OpenBesluitvorming when value.Length > 100:
                refused = new("Een bronsleutel van OpenBesluitvorming is hoogstens 100 tekens.", "An OpenBesluitvorming source key has at most 100 characters.");
                break;
            case MeetingSourceKinds.OpenBesluitvorming:
                var mapped = await OpenBesluitvormingMapping.MapAsync(openBesluitvorming, followed.Code, value, cancellationToken);
                refused = mapped.Problem;
                (value, detail) = (mapped.Key ?? "", mapped.Detail);
                break;
            case MeetingSourceKinds.Ical or MeetingSourceKinds.Notubiz:
                break;
            default:
                refused = new("Kies iCalendar, Notubiz of OpenBesluitvorming.", "Choose iCalendar, Notubiz or OpenBesluitvorming.");
                break;
        }
        if (refused is not null)
        {
            return await RefuseAsync(followed.Code, OperatorTexts.NothingChanged(refused).In(Ui.Language(HttpContext)), cancellationToken);
        }
        var before = await SourceFreshness.LoadAsync(db, followed.Code, ProductTime.Today(clock), cancellationToken);
        var was = before.Source is null ? null : before.SourceName;
        await MeetingSourceConnections.ConnectAsync(db, followed.Code, kind!, value, User.Identity!.Name!, clock.GetCurrentInstant(), cancellationToken);
        var after = await SourceFreshness.LoadAsync(db, followed.Code, ProductTime.Today(clock), cancellationToken);
        var now = after.SourceName;
        TempData.Flash(OperatorTexts.Connected(followed.Name, followed.Code, now, detail, was).In(Ui.Language(HttpContext)));
        return Redirect(Back(followed.Code));
    }

    public async Task<IActionResult> OnPostDisconnectAsync([FromForm] string? code, CancellationToken cancellationToken)
    {
        var (refusal, followed) = await OperatorAndFollowedAsync(code, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (value, name) = followed;
        var before = await SourceFreshness.LoadAsync(db, value, ProductTime.Today(clock), cancellationToken);
        var was = before.SourceName;
        // A second click or tab finds nothing connected: that is said, and nothing else changes.
        TempData.Flash((await MeetingSourceConnections.DisconnectAsync(db, value, clock.GetCurrentInstant(), cancellationToken)
            ? OperatorTexts.Disconnected(name, value, was)
            : OperatorTexts.NothingConnected(name, value)).In(Ui.Language(HttpContext)));
        return Redirect(Back(value));
    }

    /// <summary>Searches now, as the worker does; also turns the search back on after a disconnect.</summary>
    public async Task<IActionResult> OnPostDiscoverAsync([FromForm] string? code, CancellationToken cancellationToken)
    {
        var (refusal, followed) = await OperatorAndFollowedAsync(code, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        var (value, name) = followed;
        if (await db.MeetingSources.AnyAsync(s => s.Code == value, cancellationToken))
        {
            TempData.Flash(OperatorTexts.AlreadyConnected(name, value).In(Ui.Language(HttpContext)));
            return Redirect(Back(value));
        }
        var off = await db.MeetingSourceDiscoveries.FirstOrDefaultAsync(d => d.Code == value, cancellationToken);
        if (off is not null)
        {
            off.State = MeetingSourceDiscovery.None;
            await db.SaveChangesAsync(cancellationToken);
        }
        var found = await discovery.DiscoverAsync(value, cancellationToken);
        TempData.Flash((found?.State == MeetingSourceDiscovery.Found
            ? OperatorTexts.FoundAndConnected(name, value, found.Note)
            : OperatorTexts.NothingFound(name, value, found?.Note)).In(Ui.Language(HttpContext)));
        return Redirect(Back(value));
    }

    private static string Back(string code) => $"/beheer/bronnen#{code}";

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private async Task<IActionResult> RefuseAsync(string code, string message, CancellationToken cancellationToken)
    {
        Problem = (code, message);
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>
    /// The followed municipality a form names, with its code and name; or the answer instead: refused for anyone but an
    /// operator, not found for a code no organisation follows.
    /// </summary>
    private async Task<(IActionResult? Refusal, (string Code, string Name) Followed)> OperatorAndFollowedAsync(string? code, CancellationToken cancellationToken)
    {
        if (!User.IsOperator(web.Value))
        {
            return (Forbid(), default);
        }
        if (!MunicipalityCode.TryParse(code, out var parsed))
        {
            return (NotFound(), default);
        }
        var value = parsed.Value.Value;
        var name = await db.FollowedMunicipalities.AsNoTracking().Where(m => m.Code == value).OrderBy(m => m.Id).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken);
        return name is null ? (NotFound(), default) : (null, (value, name));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = ProductTime.Today(clock);
        var followed = (await db.FollowedMunicipalities.AsNoTracking().Select(m => new { m.Code, m.Name, m.Id }).ToListAsync(cancellationToken))
            .GroupBy(m => m.Code)
            .Select(g => (Code: g.Key, Name: g.OrderBy(m => m.Id).First().Name, Followers: g.Count()))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var codes = followed.Select(f => f.Code).ToArray();
        var discoveries = await db.MeetingSourceDiscoveries.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, cancellationToken);
        var facts = (await PublicFactRows.CurrentAsync(db, codes, cancellationToken)).ToLookup(f => f.Code);
        var rows = new List<Row>();
        foreach (var (code, name, followers) in followed)
        {
            var freshness = await SourceFreshness.LoadAsync(db, code, today, cancellationToken);
            rows.Add(new Row(code, name, followers, freshness, discoveries.GetValueOrDefault(code), facts[code].ToList()));
        }
        Rows = rows;
    }
}
