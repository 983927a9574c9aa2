using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Tests.Cli;
using Timing.Tests.Worker;

namespace Timing.Tests.Meetings;

/// <summary>The Notubiz events API, served from recorded pages by a local HTTP server.</summary>
public class NotubizSourceTests
{
    [Fact]
    public async Task NotubizSource_ReadsEveryPage_SkipsPrivateAndCancelled_AndDatesTheBudgetDebate()
    {
        using var server = new RecordedServer();
        server.Route("/events", request => new RecordedServer.Answer(200,
            File.ReadAllText(Recorded.Path(request.QueryString["page"] == "2" ? "notubiz-events-page2.json" : "notubiz-events-page1.json")), "application/json"));
        var clock = new FakeClock(Instant.FromUtc(2027, 10, 1, 7, 0));
        await using var factory = new TimingFactory(clock: clock, settings: new() { ["Meetings:NotubizBaseUrl"] = server.Url("") });
        var configured = CliRunner.Run(new Dictionary<string, string?> { ["Storage:SqlitePath"] = factory.DatabasePath }, "meetings", "source", "--municipality", "GM0344", "--notubiz", "686");
        Assert.Equal((0, ""), (configured.Exit, configured.Error));

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MeetingJobs>().FetchAsync(CancellationToken.None);
        }

        var requests = server.Requests.Select(r => r.Path).ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Contains("organisation_id=686", r, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Contains("version=1.17.0", r, StringComparison.Ordinal));
        Assert.Contains("page=2", requests[1], StringComparison.Ordinal);
        var titles = await factory.WithDbAsync(db => db.Meetings.OrderBy(m => m.Date).Select(m => m.Title).ToListAsync());
        Assert.Equal(["Commissie Mens en Samenleving", "Algemene beschouwingen Programmabegroting 2028", "Begrotingsraad: besluitvorming Programmabegroting 2028"], titles);
        var fact = await factory.WithDbAsync(db => db.PublicFacts.SingleAsync());
        Assert.Equal(("budget-debate", 2027, new LocalDate(2027, 11, 4), new LocalDate(2027, 11, 11), "meetings:notubiz"),
            (fact.Kind, fact.Cycle, fact.Start, fact.End, fact.SetBy));
    }
}
