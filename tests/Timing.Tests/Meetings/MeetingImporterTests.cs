using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timing.Meetings;
using Timing.Storage;
using Timing.Tests.Worker;
using Timing.Worker;

namespace Timing.Tests.Meetings;

/// <summary>
/// What the importer does with what the rules make of real-shaped meetings: agenda items date moments and are
/// cited, one meeting dates several moments, a title that says cancelled is left out, and a committee stage with
/// a local name brings speaking-rights nudges. On the real SQLite file.
/// </summary>
public class MeetingImporterTests
{
    private const string Code = "GM0344";

    private static FetchedMeeting Meeting(string id, string title, string date, params string[] agenda) =>
        new(id, title, "", "Raadzaal", $"https://raad.example.nl/vergadering/{id}", LocalDatePattern.Iso.Parse(date).Value, null) { AgendaItems = agenda };

    private static async Task<MeetingImporter.Report> StoreAsync(TimingFactory factory, params FetchedMeeting[] meetings)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MeetingImporter>()
            .StoreAsync(Code, MeetingSourceKinds.Notubiz, "686", meetings, [], CancellationToken.None);
    }

    private static Task<List<PublicFact>> FactsAsync(TimingFactory factory) =>
        factory.WithDbAsync(db => db.PublicFacts.Where(f => f.Code == Code).OrderBy(f => f.Kind).ToListAsync());

    [Fact]
    public async Task StoreAsync_GenericCouncilTitle_DatesTheBudgetDebate_CitingTheAgendaItem()
    {
        await using var factory = new TimingFactory();
        var report = await StoreAsync(factory, Meeting("1", "Gemeenteraad", "2027-11-11", "1 Opening", "5 Programmabegroting 2028", "6 Sluiting"));

        var fact = Assert.Single(report.FactsSet);
        Assert.Equal(("budget-debate", 2027, "2027-11-11", "2027-11-11"), (fact.Kind, fact.Cycle, $"{fact.Start:yyyy-MM-dd}", $"{fact.End:yyyy-MM-dd}"));
        Assert.Equal("Vergadering / meeting 'Gemeenteraad' (2027-11-11), agendapunt / agenda item '5 Programmabegroting 2028'", fact.Source);

        // Read again: nothing is set twice.
        Assert.Empty((await StoreAsync(factory, Meeting("1", "Gemeenteraad", "2027-11-11", "1 Opening", "5 Programmabegroting 2028", "6 Sluiting"))).FactsSet);
    }

    [Fact]
    public async Task StoreAsync_OneMeetingNamingTwoDocuments_DatesBoth_AsTheEndOfTheirWindows()
    {
        await using var factory = new TimingFactory();
        await StoreAsync(factory, Meeting("2", "Jaarstukken 2026 en Voorjaarsnota 2028", "2027-07-01"));

        var facts = await FactsAsync(factory);
        Assert.Equal(["annual-accounts", "framework-note"], facts.Select(f => f.Kind));
        // Each window keeps its start, so its publication and committee stay steps before the vote that ends it.
        Assert.All(facts, f => Assert.Equal(new LocalDate(2027, 7, 1), f.End));
        Assert.All(facts, f => Assert.True(f.Start < f.End, $"{f.Kind} starts {f.Start}, before the meeting that ends it"));
        Assert.Equal(new LocalDate(2027, 6, 1), facts.Single(f => f.Kind == "framework-note").Start);
    }

    [Fact]
    public async Task StoreAsync_CancelledInTheTitle_IsLeftOutAndCounted()
    {
        await using var factory = new TimingFactory();
        var report = await StoreAsync(factory,
            Meeting("3", "Inspraakavond kadernota 2028 (geannuleerd)", "2027-06-08"),
            Meeting("4", "Raadsvergadering Kadernota 2028", "2027-06-24"));

        Assert.Equal(["4"], report.Lines.Select(l => l.Meeting.ExternalId));
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("1 event skipped: cancelled according to its title", warning.En);
        Assert.Equal(["4"], await factory.WithDbAsync(db => db.Meetings.Select(m => m.ExternalId).ToListAsync()));
    }

    [Fact]
    public async Task StoreAsync_HandoverAndPreview_DateNothing()
    {
        await using var factory = new TimingFactory();
        var report = await StoreAsync(factory,
            Meeting("5", "Aanbieden Kadernota 2028", "2027-05-20"),
            Meeting("6", "Preview Jaarrekening 2026", "2027-05-25"));

        Assert.Empty(report.FactsSet);
        Assert.All(report.Lines, l => Assert.Equal(("information", false), (l.Match.Category.ToString().ToLowerInvariant(), l.Match.Primary!.Certain)));
    }

    [Fact]
    public async Task StoreAsync_MeningsvormingWithASocialDomainItem_IsACommitteeMeetingThatBringsSpeakingRights()
    {
        await using var factory = new TimingFactory();
        await StoreAsync(factory, Meeting("7", "Meningsvorming", "2027-06-15", "Opening", "Voorjaarsnota 2028", "Beleidsplan Wmo en jeugd", "Sluiting"));

        var stored = await factory.WithDbAsync(db => db.Meetings.SingleAsync());
        Assert.Equal(("committee", "framework-note", false, true), (stored.Category, stored.Kind, stored.Certain, stored.SocialDomain));
        var speaking = await factory.WithDbAsync(db => SpeakingOutbox.CommitteeMeetingsAsync(db, [Code], new LocalDate(2027, 6, 1), CancellationToken.None));
        Assert.Equal("Meningsvorming", Assert.Single(speaking).Title);
    }
}
