using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime.Testing;
using Timing.Meetings;
using Timing.Storage;
using Timing.Tests.Web;
using Timing.Tests.Worker;

namespace Timing.Tests.Meetings;

/// <summary>
/// A followed municipality gets its meeting calendar without an operator: OpenBesluitvorming's /api/status and Notubiz's
/// organisation list, replayed by a local server from recorded answers, decide what is connected; what was found, or why
/// nothing was, is kept and shown, and a search that found nothing is repeated later.
/// </summary>
public class SourceDiscoveryTests
{
    private static readonly Instant Start = Instant.FromUtc(2027, 10, 1, 7, 0);

    private static RecordedServer Serve()
    {
        var server = new RecordedServer();
        server.Serve("/api/status", File.ReadAllText(Recorded.Path("openbesluitvorming-status-discovery.json")), "application/json");
        server.Serve("/organisations", File.ReadAllText(Recorded.Path("notubiz-organisations.json")), "application/json");
        return server;
    }

    private static TimingFactory Factory(RecordedServer server) => new(clock: new FakeClock(Start), settings: new()
    {
        ["Meetings:OpenBesluitvormingBaseUrl"] = server.Url(""),
        ["Meetings:NotubizBaseUrl"] = server.Url(""),
        ["Meetings:MinRequestSpacingMs"] = "0",
    });

    /// <summary>Follows the municipalities as an organisation would, without the web pages.</summary>
    private static Task FollowAsync(TimingFactory factory, params (string Code, string Name)[] municipalities) => factory.WithDbAsync(async db =>
    {
        var organisation = db.Organisations.Add(new Organisation { Name = "Welzijn", Created = Start }).Entity;
        await db.SaveChangesAsync();
        foreach (var (code, name) in municipalities)
        {
            db.FollowedMunicipalities.Add(new FollowedMunicipality { OrganisationId = organisation.Id, Code = code, Name = name });
        }
        return await db.SaveChangesAsync();
    });

    private static async Task<MeetingSourceDiscovery?> DiscoverAsync(TimingFactory factory, string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SourceDiscovery>().DiscoverAsync(code, CancellationToken.None);
    }

    private static async Task<int> SweepAsync(TimingFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SourceDiscovery>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Discover_ConnectsTheNotubizCalendarItself_WhenStatusNamesNotubizAndItsListHasTheCouncil()
    {
        using var server = Serve();
        await using var factory = Factory(server);
        await FollowAsync(factory, ("GM0772", "Eindhoven"));

        var found = await DiscoverAsync(factory, "GM0772");

        Assert.Equal(MeetingSourceDiscovery.Found, found!.State);
        Assert.Equal(["/api/status", "/organisations"], server.Requests.Select(r => r.Path.Split('?')[0]));
        var source = await factory.WithDbAsync(db => db.MeetingSources.SingleAsync());
        // Notubiz's own calendar sees months ahead; OpenBesluitvorming's copy only about a week.
        Assert.Equal(("GM0772", MeetingSourceKinds.Notubiz, "686", MeetingSourceConnections.Automatic, NodaConstants.UnixEpoch),
            (source.Code, source.Kind, source.Address, source.ConfiguredBy, source.NextFetch));
        Assert.Equal("Notubiz organisation 686 (Gemeente Eindhoven) found in Notubiz's list of organisations; OpenBesluitvorming names Notubiz as the supplier of Eindhoven.",
            found.Note.En);
        Assert.StartsWith("Notubiz-organisatie 686 (Gemeente Eindhoven) gevonden in de organisatielijst van Notubiz", found.Note.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discover_ConnectsOpenBesluitvorming_ForACouncilOnAnotherSystem()
    {
        using var server = Serve();
        await using var factory = Factory(server);
        await FollowAsync(factory, ("GM0417", "Laren (NH.)"));

        var found = await DiscoverAsync(factory, "GM0417");

        // An iBabs council: Notubiz's list has nothing to say about it and is not asked.
        Assert.Equal(["/api/status"], server.Requests.Select(r => r.Path.Split('?')[0]));
        Assert.Equal((MeetingSourceKinds.OpenBesluitvorming, "laren"), await factory.WithDbAsync(db => db.MeetingSources.Select(s => ValueTuple.Create(s.Kind, s.Address)).SingleAsync()));
        Assert.Equal("Source 'laren' (Laren, ibabs) found in OpenBesluitvorming's status; it sees about a week ahead.", found!.Note.En);
    }

    [Fact]
    public async Task Discover_FallsBackToOpenBesluitvorming_WhenNotubizDoesNotListTheCouncil()
    {
        using var server = Serve();
        await using var factory = Factory(server);
        await FollowAsync(factory, ("GM0312", "Bunnik"));

        var found = await DiscoverAsync(factory, "GM0312");

        Assert.Equal((MeetingSourceKinds.OpenBesluitvorming, "bunnik"), await factory.WithDbAsync(db => db.MeetingSources.Select(s => ValueTuple.Create(s.Kind, s.Address)).SingleAsync()));
        Assert.Equal("Source 'bunnik' (Bunnik, notubiz) found in OpenBesluitvorming's status (Notubiz's list of organisations names no single organisation \"Gemeente Bunnik\"); it sees about a week ahead.",
            found!.Note.En);
    }

    [Fact]
    public async Task Discover_RecordsWhyNothingWasFound_AndLooksAgainOnlyAfterTheRetryTime()
    {
        using var server = Serve();
        await using var factory = Factory(server);
        await FollowAsync(factory, ("GM0037", "Stadskanaal"));

        Assert.Equal(0, await SweepAsync(factory));

        var row = await factory.WithDbAsync(db => db.MeetingSourceDiscoveries.SingleAsync());
        Assert.Equal((MeetingSourceDiscovery.None, (Instant?)Start, Start + Duration.FromHours(24)), (row.State, row.Tried, row.NextTry));
        Assert.Equal("OpenBesluitvorming lists no municipality with CBS code GM0037; Notubiz's list of organisations names no single organisation \"Gemeente Stadskanaal\".", row.Note.En);
        Assert.False(await factory.WithDbAsync(db => db.MeetingSources.AnyAsync()));
        var page = WebUtility.HtmlDecode(await factory.Client().GetStringAsync(new Uri("/gemeenten/GM0037/openbaar", UriKind.Relative)));
        Assert.Contains("Timing zocht op 1 oktober 2027 om 09:00 naar de vergaderkalender van de raad en vond er geen: OpenBesluitvorming kent geen gemeente met CBS-code GM0037", page, StringComparison.Ordinal);
        Assert.Contains("Het zoekt opnieuw na 2 oktober 2027 om 09:00.", page, StringComparison.Ordinal);

        server.Requests.Clear();
        factory.Clock.AdvanceHours(23);
        await SweepAsync(factory);
        Assert.Empty(server.Requests);

        factory.Clock.AdvanceHours(2);
        await SweepAsync(factory);
        Assert.NotEmpty(server.Requests);
        Assert.Equal(factory.Clock.GetCurrentInstant(), await factory.WithDbAsync(db => db.MeetingSourceDiscoveries.Select(d => d.Tried).SingleAsync()));
    }

    [Fact]
    public async Task Discover_WhenNeitherAnswers_SaysSo_AndConnectsOnceTheyAnswer()
    {
        using var server = new RecordedServer();
        server.Fail("/api/status", 503);
        server.Fail("/organisations", 502);
        await using var factory = Factory(server);
        await FollowAsync(factory, ("GM0772", "Eindhoven"));

        Assert.Equal(0, await SweepAsync(factory));
        var note = await factory.WithDbAsync(db => db.MeetingSourceDiscoveries.Select(d => d.Note).SingleAsync());
        Assert.Contains("OpenBesluitvorming's status did not answer", note.En, StringComparison.Ordinal);
        Assert.Contains("503", note.En, StringComparison.Ordinal);
        Assert.Contains("Notubiz's list of organisations did not answer", note.En, StringComparison.Ordinal);

        server.Serve("/api/status", File.ReadAllText(Recorded.Path("openbesluitvorming-status-discovery.json")), "application/json");
        server.Serve("/organisations", File.ReadAllText(Recorded.Path("notubiz-organisations.json")), "application/json");
        factory.Clock.AdvanceHours(25);
        Assert.Equal(1, await SweepAsync(factory));
        Assert.Equal("686", await factory.WithDbAsync(db => db.MeetingSources.Select(s => s.Address).SingleAsync()));
    }

    [Fact]
    public async Task Discover_LeavesAConnectedSourceAlone()
    {
        using var server = Serve();
        await using var factory = Factory(server);
        await FollowAsync(factory, ("GM0772", "Eindhoven"));
        await factory.WithDbAsync(db => MeetingSourceConnections.ConnectAsync(db, "GM0772", MeetingSourceKinds.Ical, "https://raad.example/agenda.ics", "beheer", Start, CancellationToken.None));

        Assert.Null(await DiscoverAsync(factory, "GM0772"));
        Assert.Equal(0, await SweepAsync(factory));

        Assert.Empty(server.Requests);
        Assert.Equal(MeetingSourceKinds.Ical, await factory.WithDbAsync(db => db.MeetingSources.Select(s => s.Kind).SingleAsync()));
    }

    [Fact]
    public async Task DirectorFollowsAMunicipality_AfterTheJobRuns_ItsPagesNameWhereItsMeetingsComeFrom()
    {
        using var server = Serve();
        await using var factory = Factory(server);
        // Nobody follows Eindhoven yet: nothing is searched for, and its public page promises no search.
        Assert.DoesNotContain("Timing zoekt zelf", await factory.Client().GetStringAsync(new Uri("/gemeenten/GM0772/openbaar", UriKind.Relative)), StringComparison.Ordinal);
        await factory.CreateDirectorAsync("d@welzijn.nl", "Welzijn");
        var client = factory.Client();
        await client.SignInAsync(factory, "d@welzijn.nl");

        var add = await client.GetStringAsync(new Uri("/gemeenten/toevoegen", UriKind.Relative));
        var followed = WebUtility.HtmlDecode(await client.PostAndFollowAsync("/gemeenten/toevoegen", add, new() { ["Code"] = "GM0772", ["Name"] = "Eindhoven" }));
        // The follow itself asks no council system: the director does not wait for them.
        Assert.Empty(server.Requests);
        Assert.Contains("Timing zoekt zelf naar de vergaderkalender van de raad, op de achtergrond", followed, StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SourceDiscoveryJobs>().DiscoverAsync("GM0772", CancellationToken.None);
        }

        var detail = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/gemeenten/GM0772", UriKind.Relative)));
        Assert.Contains("Vergaderkalender: de Notubiz-agenda van de raad (organisatie 686), nog niet gelezen.", detail, StringComparison.Ordinal);
        Assert.Contains("Door Timing zelf gevonden op 1 oktober 2027 om 09:00: Notubiz-organisatie 686 (Gemeente Eindhoven)", detail, StringComparison.Ordinal);
        var open = WebUtility.HtmlDecode(await factory.Client().GetStringAsync(new Uri("/gemeenten/GM0772/openbaar", UriKind.Relative)));
        Assert.Contains("Vergaderkalender: de Notubiz-agenda van de raad (organisatie 686).", open, StringComparison.Ordinal);
        Assert.Contains("Door Timing zelf gevonden op 1 oktober 2027 om 09:00", open, StringComparison.Ordinal);
    }

    [Fact]
    public void RetryHours_OutOfRange_IsRefusedAtStartUp_NamingTheSetting()
    {
        var settings = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Meetings:Discovery:RetryHours"] = "0" }).Build();
        using var services = new ServiceCollection().AddSourceDiscovery(settings).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SourceDiscoveryOptions>>().Value);
        Assert.Contains("Meetings:Discovery:RetryHours must be 1–720", error.Message, StringComparison.Ordinal);
    }
}
