using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Feeds;
using Timing.Storage;

namespace Timing.Web.Pages;

public sealed class MyFeedModel(TimingDbContext db, IClock clock, IOptions<FeedOptions> options) : PageModel
{
    public bool HasFeed { get; private set; }

    public string? Since { get; private set; }

    public string? NewUrl { get; private set; }

    public string? WebcalUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await Describe(cancellationToken);

    /// <summary>Makes a new token and revokes the old one; the new address is shown once.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var personId = User.PersonId();
        var now = clock.GetCurrentInstant().ToUnixTimeMilliseconds();
        await db.FeedTokens.Where(t => t.PersonId == personId && t.RevokedUnixMs == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedUnixMs, now), cancellationToken);
        var token = Secrets.NewToken();
        db.FeedTokens.Add(new FeedToken { PersonId = personId, Hash = Secrets.Hash(token), CreatedUnixMs = now });
        await db.SaveChangesAsync(cancellationToken);
        NewUrl = new PublicLinks(options.Value.BaseUrl).PersonalFeed(token).AbsoluteUri;
        WebcalUrl = "webcal://" + NewUrl[(NewUrl.IndexOf("://", StringComparison.Ordinal) + 3)..];
        await Describe(cancellationToken);
        return Page();
    }

    private async Task Describe(CancellationToken cancellationToken)
    {
        var personId = User.PersonId();
        var active = await db.FeedTokens.AsNoTracking().Where(t => t.PersonId == personId && t.RevokedUnixMs == null)
            .OrderByDescending(t => t.CreatedUnixMs).FirstOrDefaultAsync(cancellationToken);
        HasFeed = active is not null;
        Since = active is null ? null : Instant.FromUnixTimeMilliseconds(active.CreatedUnixMs).InZone(Core.ProductTime.Zone).Date.ToString("yyyy-MM-dd", null);
    }
}
