using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timing.Core.Cycle;
using Timing.Municipalities;

namespace Timing.Web.Pages.Public;

/// <summary>
/// A moment of a municipality as the rules and its public facts give it, for anyone: the page each event of a
/// public feed links to. No sign-in, nothing of any organisation.
/// </summary>
public sealed class MomentModel(MunicipalityCatalog catalog, Timelines.TimelineLoader timelines, PublicLinks links, CycleRules rules, Storage.TimingDbContext db) : PageModel
{
    public Moment? Moment { get; private set; }

    public Municipality? Municipality { get; private set; }

    /// <summary>The public feed of the municipality, and the same feed for this moment's audiences only.</summary>
    public string FeedUrl { get; private set; } = "";

    public string AudienceFeedUrl { get; private set; } = "";

    /// <summary>The same moment's page for signed-in readers: where signing in from here leads.</summary>
    public string SignedInPath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string kind, int cycle, CancellationToken cancellationToken)
    {
        if (!MunicipalityCode.TryParse(code, out var parsed) || rules.Find(kind) is null || cycle is < 1900 or > 2200)
        {
            return NotFound();
        }
        var municipalities = await catalog.GetAsync(cancellationToken);
        if (municipalities.Count > 0 && !municipalities.Contains(parsed.Value))
        {
            return NotFound();
        }
        Municipality = municipalities.Describe(parsed.Value);
        var timeline = timelines.Plan(await timelines.PublicProfileAsync(Municipality, cancellationToken), new DateInterval(new LocalDate(cycle - 3, 1, 1), new LocalDate(cycle + 3, 12, 31)));
        Moment = timeline.Moments.FirstOrDefault(m => m.Kind == kind && m.Cycle == cycle);
        if (Moment is null)
        {
            return NotFound();
        }
        SignedInPath = Url.Moment(Moment.Key);
        if (User.Identity?.IsAuthenticated == true && await db.FollowedMunicipalities.AnyAsync(m => m.OrganisationId == User.OrganisationId() && m.Code == parsed.Value.Value, cancellationToken))
        {
            // A mail's link opens the public page for everyone; a signed-in reader sees their organisation's page.
            return Redirect(SignedInPath);
        }
        FeedUrl = links.MunicipalityFeed(parsed.Value).AbsoluteUri;
        AudienceFeedUrl = FeedUrl + "?audience=" + string.Join(',', Moment.Audiences);
        return Page();
    }
}
