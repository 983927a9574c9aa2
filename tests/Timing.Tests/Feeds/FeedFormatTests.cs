using System.Text;
using Ical.Net.CalendarComponents;
using Timing.Core.Cycle;
using Timing.Feeds;
using Calendar = Ical.Net.Calendar;

namespace Timing.Tests.Feeds;

/// <summary>The event profile and the bytes, without HTTP: builder and writer on a known timeline.</summary>
[Trait("Needs", "ical-parsers")]
public class FeedFormatTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 11, 22, 9, 0);
    private static readonly FeedOptions Options = new() { UidHost = "timing.test", BaseUrl = "https://timing.test" };
    private static readonly Municipality Utrecht = new(MunicipalityCode.Parse("GM0344"), "Utrecht");

    private static CycleRules Rules
    {
        get
        {
            var result = Timing.Rules.CycleRulesLoader.Load(TestPaths.ConfigDirectory);
            return result.Rules ?? throw new InvalidOperationException(string.Join("; ", result.Problems));
        }
    }

    private static (IReadOnlyList<FeedEvent> Events, byte[] Ics) Render(MunicipalityProfile profile, DateInterval range, Language language = Language.Nl)
    {
        var rules = Rules;
        var timeline = new CyclePlanner(rules).Plan(profile, range);
        var builder = new FeedEventBuilder(rules, Options);
        var events = builder.Build([timeline], FeedFilter.All, language, builder.PublicMomentUrl);
        var stamps = events.ToDictionary(e => e.Uid, _ => new FeedStamp(0, Stamp));
        return (events, IcsWriter.Write(new FeedCalendar("Politieke kalender – Gemeente Utrecht", "Test"), events, stamps));
    }

    private static readonly DateInterval Year2026 = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

    [Fact]
    public void LongWindow_BecomesOpensAndClosesEvents()
    {
        var (events, _) = Render(new MunicipalityProfile(Utrecht), Year2026);
        // The college programme runs six months: two one-day events, not a half-year bar.
        var opens = events.Single(e => e.Uid == "GM0344.college-programme.2026.opens@timing.test");
        var closes = events.Single(e => e.Uid == "GM0344.college-programme.2026.closes@timing.test");
        Assert.Equal((opens.Start.PlusDays(1), closes.Start.PlusDays(1)), (opens.EndExclusive, closes.EndExclusive));
        Assert.Equal("Collegeplan: start?", opens.Summary);
        Assert.Equal("Collegeplan: einde?", closes.Summary);
        Assert.StartsWith("Collegeprogramma – einde (verwacht)\nFase: ", closes.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortWindow_IsOneMultiDayEventWithExclusiveEnd()
    {
        var (events, _) = Render(new MunicipalityProfile(Utrecht), Year2026);
        // Support declarations: 19 January – 2 February 2026, fifteen days… too long; lists-final is a point.
        var support = events.Where(e => e.Uid.StartsWith("GM0344.support-declarations.2026", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, support.Length);
        var election = events.Single(e => e.Uid == "GM0344.election.2026@timing.test");
        Assert.Equal((new LocalDate(2026, 3, 18), new LocalDate(2026, 3, 19)), (election.Start, election.EndExclusive));
        Assert.Equal("Raadsverkiezingen", election.Summary);
        Assert.Equal(FeedStatus.Confirmed, election.Status);
        // Typical dates are neither promised nor guessed: no STATUS at all.
        Assert.Equal(FeedStatus.None, events.Single(e => e.Uid == "GM0344.result.2026@timing.test").Status);
        var circular = events.Single(e => e.Uid == "GM0344.may-circular.2026.opens@timing.test");
        // 25 May 2026 is Whit Monday: the typical window opens on Tuesday 26 May.
        Assert.Equal(new LocalDate(2026, 5, 26), circular.Start);
        var exactlyTwoWeeks = Render(new MunicipalityProfile(Utrecht) { Actuals = [new ActualDate("budget-debate", 2026, new DateInterval(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 14)))] }, Year2026)
            .Events.Single(e => e.Uid.StartsWith("GM0344.budget-debate.2026", StringComparison.Ordinal));
        Assert.Equal((new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 15)), (exactlyTwoWeeks.Start, exactlyTwoWeeks.EndExclusive));
    }

    [Fact]
    public void Estimate_IsTentativeAndSaysItsRange()
    {
        var (events, ics) = Render(new MunicipalityProfile(Utrecht), Year2026);
        var agreement = events.Single(e => e.Uid == "GM0344.coalition-agreement.2026@timing.test");
        Assert.Equal(FeedStatus.Tentative, agreement.Status);
        Assert.Equal("Coalitieakkoord?", agreement.Summary);
        Assert.StartsWith("Coalitieakkoord (verwacht)\nFase: Collegevorming\n\n", agreement.Description, StringComparison.Ordinal);
        Assert.Contains("Verwacht tussen 20 april 2026 en 16 juli 2026", agreement.Description, StringComparison.Ordinal);
        Assert.Contains("Meer: https://timing.test/openbaar/gemeenten/GM0344/momenten/coalition-agreement/2026", agreement.Description, StringComparison.Ordinal);
        Assert.Equal(["Collegevorming", "onderhandelaars", "college", "ambtenaren"], agreement.Categories);

        var parsed = Calendar.Load(Encoding.UTF8.GetString(ics))!;
        var ev = parsed.Events.Single(e => e.Uid == agreement.Uid);
        Assert.Equal("TENTATIVE", ev.Status);
        Assert.Equal("CONFIRMED", parsed.Events.Single(e => e.Uid == "GM0344.election.2026@timing.test").Status);
    }

    [Fact]
    public void RoundTrip_ThroughIcalNet_KeepsEveryField()
    {
        var (events, ics) = Render(new MunicipalityProfile(Utrecht), Year2026, Language.En);
        var parsed = Calendar.Load(Encoding.UTF8.GetString(ics))!;
        Assert.Equal(events.Count, parsed.Events.Count);
        foreach (var (expected, actual) in events.Zip(parsed.Events.OrderBy(e => e.DtStart!.Date).ThenBy(e => e.Uid, StringComparer.Ordinal)))
        {
            Assert.Equal(expected.Uid, actual.Uid);
            Assert.Equal(expected.Summary, actual.Summary);
            Assert.Equal(expected.Description, actual.Description);
            Assert.Equal(expected.Categories, actual.Categories);
            Assert.False(actual.DtStart!.HasTime);
            Assert.Equal(new DateOnly(expected.Start.Year, expected.Start.Month, expected.Start.Day), actual.DtStart.Date);
            Assert.Equal(new DateOnly(expected.EndExclusive.Year, expected.EndExclusive.Month, expected.EndExclusive.Day), actual.DtEnd!.Date);
            Assert.Equal("TRANSPARENT", actual.Transparency);
            Assert.Equal("FREE", actual.Properties.Get<string>("X-MICROSOFT-CDO-BUSYSTATUS"));
            Assert.Equal(Stamp.ToDateTimeUtc(), actual.DtStamp!.AsUtc);
            Assert.Equal(Stamp.ToDateTimeUtc(), actual.LastModified!.AsUtc);
            Assert.Equal(expected.Url, actual.Url);
        }
    }

    [Fact]
    public void DiacriticsAndLongTexts_FoldWithoutSplittingCharacters()
    {
        var title = "Hoorzitting café Ëindhoven – één gesprek over ‘preventie’ en zorg 🏛️";
        var description = string.Concat(Enumerable.Repeat("Wethouder De Vries-Çelik bespreekt de ‘sociale basis’; één café, één ruimte, geen ×-teken. ", 40));
        var local = new LocalEvent("hoorzitting-1", title, new DateInterval(new LocalDate(2026, 6, 3), new LocalDate(2026, 6, 3)), description);
        var (_, ics) = Render(new MunicipalityProfile(Utrecht, Events: [local]), Year2026);

        var text = Encoding.UTF8.GetString(ics);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain("\uFFFD", text, StringComparison.Ordinal);

        var (python, js) = IndependentParsers.Both(ics);
        foreach (var reading in new[] { python, js })
        {
            var ev = reading.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("uid").GetString() == "GM0344.local-event.2026.hoorzitting-1@timing.test");
            Assert.Equal(title, ev.GetProperty("summary").GetString());
            Assert.Contains(description, ev.GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Golden_Utrecht_MatchesTheReviewedFile()
    {
        // Reviewed by hand: all-day dates, split windows, TENTATIVE estimates, UIDs from moment keys.
        // After a deliberate change to rules or texts, regenerate with UPDATE_GOLDEN=1 and review the diff.
        var (_, ics) = Render(new MunicipalityProfile(Utrecht), new DateInterval(new LocalDate(2025, 11, 22), new LocalDate(2026, 12, 31)));
        var golden = Path.Combine(TestPaths.RepositoryRoot, "tests", "Timing.Tests", "Feeds", "golden", "GM0344.ics");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllBytes(golden, ics);
        }
        Assert.True(File.Exists(golden), $"Golden file missing: {golden}");
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(golden)), Encoding.UTF8.GetString(ics));
    }
}
