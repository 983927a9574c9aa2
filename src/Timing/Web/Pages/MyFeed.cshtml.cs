using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Feeds;
using Timing.Storage;
using Timing.Web.Pages.People;
using Timing.Web.Texts;

namespace Timing.Web.Pages;

/// <summary>
/// The signed-in person's own feed address and reminders. The address stays retrievable until the person makes a
/// new one: the token is kept encrypted with ASP.NET Core data protection (keys in the database), never plain.
/// </summary>
public sealed class MyFeedModel(TimingDbContext db, IClock clock, PublicLinks links, IDataProtectionProvider protection, Worker.PlanTrigger trigger, CycleRules rules) : PageModel
{
    public const string Purpose = "Timing.FeedToken.v1";

    public bool HasFeed { get; private set; }

    public string? Since { get; private set; }

    public string? FeedUrl { get; private set; }

    public string? MaskedUrl { get; private set; }

    public string? WebcalUrl { get; private set; }

    /// <summary>The mode the person had before unsubscribing through a mail link; null while subscribed.</summary>
    public NudgeMode? UnsubscribedFrom { get; private set; }

    /// <summary>The reminder setting now in force.</summary>
    public NudgeMode Mode { get; private set; }

    /// <summary>Invited but not yet agreed: nothing is mailed until the person says yes here or in the invitation.</summary>
    public bool Invited { get; private set; }

    /// <summary>The address asked for no mail from Timing (in this or another organisation).</summary>
    public bool OptedOut { get; private set; }

    public IReadOnlySet<string> Audiences { get; private set; } = new HashSet<string>();

    public IReadOnlySet<string> Chosen { get; private set; } = new HashSet<string>();

    /// <summary>The municipalities the organisation follows: what the person can choose from.</summary>
    public IReadOnlyList<FollowedMunicipality> Followed { get; private set; } = [];

    [BindProperty] public string? NudgeMode { get; set; }
    [BindProperty] public List<string> SelectedAudiences { get; set; } = [];
    [BindProperty] public List<string> SelectedMunicipalities { get; set; } = [];

    public string? ChoiceError { get; private set; }

    /// <summary>The feed-address builder's choices, sent by its GET form so it works without script.</summary>
    [BindProperty(SupportsGet = true, Name = "gemeentelijk")] public bool MunicipalOnly { get; set; }
    [BindProperty(SupportsGet = true, Name = "vergaderingen")] public bool WithMeetings { get; set; }
    [BindProperty(SupportsGet = true, Name = "taal")] public string? FeedLanguage { get; set; }
    [BindProperty(SupportsGet = true, Name = "apart")] public bool Separate { get; set; }

    /// <summary>
    /// The address with the chosen additions, e.g. …/feeds/p/…ics?arena=municipal&amp;meetings=yes; the page's script
    /// builds the same query as boxes are ticked (each field's data-query), so the order here is the fields' order.
    /// </summary>
    public string? Built(string? address)
    {
        if (address is null)
        {
            return null;
        }
        var query = new List<string>();
        if (MunicipalOnly)
        {
            query.Add("arena=municipal");
        }
        if (WithMeetings)
        {
            query.Add("meetings=yes");
        }
        if (Separate)
        {
            query.Add("group=no");
        }
        if (FeedLanguage is "nl" or "en")
        {
            query.Add("lang=" + FeedLanguage);
        }
        return query.Count == 0 ? address : $"{address}?{string.Join('&', query)}";
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var personId = User.PersonId();
        var active = await db.FeedTokens.AsNoTracking().Where(t => t.PersonId == personId && t.Revoked == null)
            .OrderByDescending(t => t.Created).FirstOrDefaultAsync(cancellationToken);
        HasFeed = active is not null;
        Since = active is null ? null : DateText.Long(active.Created.InZone(Core.ProductTime.Zone).Date, Ui.Language(HttpContext));
        if (active?.Protected is { } stored && Unprotect(stored) is { } token)
        {
            FeedUrl = links.PersonalFeed(token).AbsoluteUri;
            // Enough of the token to tell two feeds apart, not enough to open one.
            MaskedUrl = FeedUrl.Replace(Uri.EscapeDataString(token), token[..4] + new string('•', 12), StringComparison.Ordinal);
            WebcalUrl = "webcal://" + FeedUrl[(FeedUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
        }
        await LoadChoicesAsync(cancellationToken);
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var me = await db.People.AsNoTracking().FirstAsync(p => p.Id == User.PersonId(), cancellationToken);
        UnsubscribedFrom = me.ModeBeforeUnsubscribe;
        Mode = me.NudgeMode;
        Invited = me.Accepted is null;
        OptedOut = await Timing.People.Consent.IsOptedOutAsync(db, me.Email, cancellationToken);
        Audiences = me.Audiences;
        Chosen = me.Municipalities;
        Followed = await db.FollowedMunicipalities.AsNoTracking().Where(m => m.OrganisationId == me.OrganisationId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The person's own choice of reminders, audiences and municipalities. From then on it is theirs: a director's
    /// later edit leaves it alone.
    /// </summary>
    public async Task<IActionResult> OnPostChoicesAsync(CancellationToken cancellationToken)
    {
        var me = await db.People.FirstAsync(p => p.Id == User.PersonId(), cancellationToken);
        var followed = await db.FollowedMunicipalities.Where(m => m.OrganisationId == me.OrganisationId).Select(m => m.Code).ToListAsync(cancellationToken);
        var offered = followed.Concat(me.Municipalities).ToHashSet(StringComparer.Ordinal);
        if (PersonFormValues.Problem(rules, null, NudgeMode, me.ModeBeforeUnsubscribe is null, SelectedAudiences, SelectedMunicipalities, offered) is { } problem)
        {
            ChoiceError = problem.In(Ui.Language(HttpContext));
            await OnGetAsync(cancellationToken);
            return Page();
        }
        if (me.ModeBeforeUnsubscribe is null && PersonFormValues.Mode(NudgeMode) is { } mode)
        {
            me.NudgeMode = mode;
        }
        me.Audiences = me.Audiences.Where(a => !rules.IsAudience(a))
            .Concat(rules.Audiences.Select(a => a.Id).Where(SelectedAudiences.Contains)).ToHashSet(StringComparer.Ordinal);
        me.Municipalities = SelectedMunicipalities.ToHashSet(StringComparer.Ordinal);
        me.OwnChoices = true;
        await db.SaveChangesAsync(cancellationToken);
        var planned = await trigger.PlanNowAsync(me.OrganisationId, cancellationToken);
        TempData.Flash(FeedTexts.YourChoicesAreSaved.In(Ui.Language(HttpContext)) + Replan.Text(planned).In(Ui.Language(HttpContext)));
        return RedirectToPage("/MyFeed");
    }

    /// <summary>Makes a new token and revokes the old one, then shows the page again (post/redirect/get).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var personId = User.PersonId();
        var now = clock.GetCurrentInstant();
        var revoked = await db.FeedTokens.Where(t => t.PersonId == personId && t.Revoked == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Revoked, now).SetProperty(t => t.Protected, (string?)null), cancellationToken);
        var token = Secrets.NewToken();
        db.FeedTokens.Add(new FeedToken { PersonId = personId, Hash = Secrets.Hash(token), Created = now, Protected = Protector.Protect(token) });
        await db.SaveChangesAsync(cancellationToken);
        TempData.Flash(revoked > 0
            ? FeedTexts.NewFeedAddressMadeTheOld.In(Ui.Language(HttpContext))
            : FeedTexts.FeedAddressMadeCopyItAnd.In(Ui.Language(HttpContext)));
        return RedirectToPage("/MyFeed");
    }

    /// <summary>
    /// The person agrees to mail: accepts their invitation, or undoes their own unsubscribe (which took their address
    /// off every organisation's mail). Only the person can do this, signed in, never a director.
    /// </summary>
    public async Task<IActionResult> OnPostResubscribeAsync(CancellationToken cancellationToken)
    {
        var personId = User.PersonId();
        var me = await db.People.FirstAsync(p => p.Id == personId, cancellationToken);
        if (me.ModeBeforeUnsubscribe is { } before)
        {
            me.NudgeMode = before;
            me.ModeBeforeUnsubscribe = null;
        }
        var firstTime = me.Accepted is null;
        await Timing.People.Consent.OptInAsync(db, me, clock.GetCurrentInstant(), cancellationToken);
        var planned = await trigger.PlanNowAsync(me.OrganisationId, cancellationToken);
        TempData.Flash((firstTime
            ? FeedTexts.FromNowOnYouReceiveE.In(Ui.Language(HttpContext))
            : FeedTexts.YouWillReceiveEMailReminders.In(Ui.Language(HttpContext))) + Replan.Text(planned).In(Ui.Language(HttpContext)));
        return RedirectToPage("/MyFeed");
    }

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    private string? Unprotect(string stored)
    {
        try
        {
            var token = Protector.Unprotect(stored);
            return Secrets.IsWellFormed(token) ? token : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // a key that is gone: the person makes a new address
        }
    }
}
