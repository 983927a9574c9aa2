using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Timing.Core.Cycle;
using Timing.Web;

namespace Timing.Tests.Web;

/// <summary>
/// Mail and feeds build whole addresses without a request, so <see cref="PublicLinks"/> spells the page paths; these
/// tests hold it to the paths the routing makes from the pages' own templates, so the two cannot drift apart.
/// </summary>
public class PublicLinksTests
{
    private static readonly MomentKey Coalition = new(MunicipalityCode.Parse("GM0344"), "coalition-agreement", 2026);

    [Fact]
    public async Task PagePaths_AreTheOnesTheRoutingMakes()
    {
        await using var factory = new TimingFactory();
        var routes = factory.Services.GetRequiredService<LinkGenerator>();
        var links = factory.Services.GetRequiredService<PublicLinks>();
        string Path(Uri uri) => uri.AbsoluteUri[links.Base.Length..];
        string? Page(string page, object values) => routes.GetPathByPage(page, values: values);

        Assert.Equal(Page("/Municipalities/Moment", new { code = "GM0344", kind = "coalition-agreement", cycle = 2026 }), Path(links.Moment(Coalition)));
        Assert.Equal(Page("/Municipalities/Moment", new { code = "GM0344", kind = MomentKinds.LocalEvent, cycle = 2026, localId = "7" }),
            Path(links.Moment(Coalition with { Kind = MomentKinds.LocalEvent, LocalId = "7" })));
        Assert.Equal(Page("/Public/Moment", new { code = "GM0344", kind = "coalition-agreement", cycle = 2026 }), Path(links.PublicMoment(Coalition)));
        Assert.Equal(Page("/Municipalities/Detail", new { code = "GM0344" }), Path(links.Municipality(Coalition.Municipality)));
        Assert.Equal(Page("/MyFeed", new { }), Path(links.MyFeed));
        Assert.Equal(Page("/Unsubscribe", new { token = "abc" }), Path(links.Unsubscribe("abc")));
        Assert.Equal(Page("/Invitation", new { token = "abc" }), Path(links.Invitation("abc", Language.Nl)));
        Assert.Equal(Page("/SignInConfirm", new { t = "abc" }), Path(links.SignIn("abc", Language.Nl)));
    }
}
