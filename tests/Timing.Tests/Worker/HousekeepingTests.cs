using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Storage;
using Timing.Tests.Web;
using Timing.Worker;

namespace Timing.Tests.Worker;

public class HousekeepingTests
{
    [Fact]
    public async Task Purge_RemovesExpiredSignInLinksAndRevokedFeedTokens_AndKeepsWhatStillWorks()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        var revoked = await client.MakeFeedAsync();
        var active = await client.MakeFeedAsync();
        // A link asked for now, and one asked for earlier that has since expired.
        factory.Clock.Advance(Duration.FromMinutes(20));
        var fresh = await factory.Client().RequestLinkAsync(factory, "d@org.nl");

        var result = await PurgeAsync(factory);

        Assert.Equal(new PurgeResult(SignInLinks: 1, FeedTokens: 1), result);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
            Assert.Equal(1, await db.SignInLinks.CountAsync());
            Assert.Equal(1, await db.FeedTokens.CountAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(new Uri(active).PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(new Uri(revoked).PathAndQuery, UriKind.Relative))).StatusCode);
        // The fresh link still signs in, and a second run finds nothing more to remove.
        await factory.Client().ConfirmLinkAsync(fresh);
        Assert.Equal(new PurgeResult(0, 0), await PurgeAsync(factory));
    }

    private static async Task<PurgeResult> PurgeAsync(TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Housekeeping>().PurgeAsync(CancellationToken.None);
    }
}
