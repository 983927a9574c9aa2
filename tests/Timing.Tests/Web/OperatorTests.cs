using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.People;
using Timing.Storage;

namespace Timing.Tests.Web;

/// <summary>The Hangfire dashboard controls every organisation's jobs: only the instance's operators open it.</summary>
public class OperatorTests
{
    [Fact]
    public async Task Director_GetsNoDashboard_ButStillSeesTheirPeoplesNudges()
    {
        await using var factory = new TimingFactory();
        var director = await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/hangfire/recurring", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("href=\"/hangfire\"", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/mensen/{director.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        await using var factory = new TimingFactory();
        var response = await factory.Client().GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/aanmelden", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorListedInTheSettings_OpensTheDashboard()
    {
        await using var factory = new TimingFactory(settings: new() { ["Web:Operators:0"] = "Beheer@Host.nl" });
        var director = await factory.CreateDirectorAsync("d@org.nl", "Org");
        await factory.CreateMemberAsync("beheer@host.nl", director.OrganisationId);
        var client = factory.Client();
        await client.SignInAsync(factory, "beheer@host.nl");
        Assert.Contains("href=\"/hangfire\"", await client.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        var dashboard = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Timing – achtergrondtaken", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddedOperator_OpensTheDashboard_AfterSigningInAgain()
    {
        await using var factory = new TimingFactory();
        await factory.CreateDirectorAsync("d@org.nl", "Org");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@org.nl");
        using (var scope = factory.Services.CreateScope())
        {
            var (person, created) = await Directors.AddOperatorAsync(scope.ServiceProvider.GetRequiredService<TimingDbContext>(), "d@org.nl", factory.Clock.GetCurrentInstant(), CancellationToken.None);
            Assert.False(created);
            Assert.Equal(Roles.Director, person.Role);
        }
        // The old cookie said "no operator": it ended with the change.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);
        await client.SignInAsync(factory, "d@org.nl");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AddOperator_TheRealProgram_CreatesAnAccountThatOpensTheDashboard()
    {
        var dir = TestPaths.NewScratchDirectory();
        var env = new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(dir, "timing.db") };
        var added = await ProcessRunner.RunAsync(["add-operator", "--email", "Beheer@Host.nl"], dir, env);
        Assert.True(added.Exit == 0, added.Error);
        Assert.Contains("beheer@host.nl", added.Output, StringComparison.Ordinal);
        var bad = await ProcessRunner.RunAsync(["add-operator", "--email", "geen-adres"], dir, env);
        Assert.Equal((2, "timing add-operator: 'geen-adres' is not an e-mail address (expected name@example.nl)."), (bad.Exit, bad.Error.Trim()));

        await using var factory = new TimingFactory(Path.Combine(dir, "timing.db"));
        using (var scope = factory.Services.CreateScope())
        {
            var person = await scope.ServiceProvider.GetRequiredService<TimingDbContext>().People.SingleAsync(p => p.Email == "beheer@host.nl");
            Assert.True(person.IsOperator);
            Assert.Equal(Roles.Member, person.Role);
        }
        var client = factory.Client();
        await client.SignInAsync(factory, "beheer@host.nl");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/hangfire", UriKind.Relative))).StatusCode);
    }
}
