using Timing.Core.Cycle;
using Timing.Core.Nudges;
using static Timing.Core.Tests.ShippedRules;

namespace Timing.Core.Tests.Nudges;

public class MomentLinesTests
{
    private static MunicipalityProfile Profile(string code, string name, params ActualDate[] actuals) =>
        new(new Municipality(MunicipalityCode.Parse(code), name), Actuals: actuals);

    private static readonly MunicipalityProfile Amsterdam = Profile("GM0363", "Amsterdam");
    private static readonly MunicipalityProfile Schiermonnikoog = Profile("GM0088", "Schiermonnikoog");

    private static IReadOnlyList<ThisWeekItem> Items(string today, params MunicipalityProfile[] profiles)
    {
        var day = Date(today);
        var timelines = profiles.Select(p => Planner.Plan(p, new DateInterval(day.PlusDays(-400), day.PlusDays(60)))).ToArray();
        var recipient = new Recipient(1, profiles.Select(p => p.Code).ToHashSet(), new HashSet<string>(), Language.Nl, NudgeMode.Each);
        return ThisWeek.For(timelines, recipient, day);
    }

    [Fact]
    public void Lines_SameMomentInThreeMunicipalities_IsOneLineNamingAllThree()
    {
        // Early December 2026: the December circular is the same national moment for every municipality.
        var items = Items("2026-12-01", Amsterdam, Schiermonnikoog, Utrecht);
        var lines = ThisWeek.Lines(items);
        var circular = Assert.Single(lines, l => l.First.Moment.Kind == "december-circular");
        Assert.Equal(3, circular.Items.Count);
        Assert.Equal("Amsterdam, Schiermonnikoog en Utrecht", circular.MunicipalityNames(Language.Nl));
        Assert.Equal("Amsterdam, Schiermonnikoog and Utrecht", circular.MunicipalityNames(Language.En));
        // Every item is on exactly one line, and the lines keep the list's order of urgency.
        Assert.Equal(items.Count, lines.Sum(l => l.Items.Count));
        Assert.Equal(lines.Select(l => l.First.UrgentBy).Order(), lines.Select(l => l.First.UrgentBy));
        Assert.True(lines.Count * 3 == items.Count, $"{lines.Count} lines for {items.Count} items: the three municipalities share every moment here");
    }

    [Fact]
    public void Lines_MunicipalityWithItsOwnDate_KeepsItsOwnLine()
    {
        // Amsterdam entered its own date for the 2027 framework note; the other two keep the estimated one.
        var own = new ActualDate("framework-note", 2027, new DateInterval(Date("2027-06-10"), Date("2027-06-10")));
        var items = Items("2027-06-01", Profile("GM0363", "Amsterdam", own), Schiermonnikoog, Utrecht);
        var lines = ThisWeek.Lines(items).Where(l => l.First.Moment.Kind == "framework-note").ToList();
        Assert.True(lines.Count == 2, string.Join(" | ", lines.Select(l => $"{l.MunicipalityNames(Language.Nl)} {l.First.Moment.Start}")));
        Assert.Contains(lines, l => l.MunicipalityNames(Language.Nl) == "Amsterdam" && l.First.Moment.Start == Date("2027-06-10"));
        Assert.Contains(lines, l => l.MunicipalityNames(Language.Nl) == "Schiermonnikoog en Utrecht");
    }

    [Fact]
    public void Lines_DirectorsOwnEvents_StaySeparate_AndShowWhatTheDirectorTyped()
    {
        var day = Date("2026-12-01");
        var leaves = new LocalEvent("1", "Wethouder Zorg en Welzijn vertrekt", new DateInterval(day.PlusDays(7), day.PlusDays(7)), null, MomentKinds.AldermanLeaving);
        var meeting = new LocalEvent("2", "Netwerkochtend sociaal domein", new DateInterval(day.PlusDays(7), day.PlusDays(7)));
        var items = Items("2026-12-01", Amsterdam with { Events = [leaves, meeting] }, Utrecht with { Events = [leaves with { Id = "3" }] });
        var lines = ThisWeek.Lines(items).Where(l => l.First.Moment.Kind == MomentKinds.LocalEvent || l.First.Moment.Definition.IsEntered).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Single(l.Items));
        Assert.Contains(lines, l => l.First.Title(Language.Nl).EndsWith(": Wethouder Zorg en Welzijn vertrekt", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.First.Title(Language.Nl) == "Netwerkochtend sociaal domein");
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "Utrecht" }, "Utrecht")]
    [InlineData(new[] { "Amsterdam", "Utrecht" }, "Amsterdam en Utrecht")]
    [InlineData(new[] { "Amsterdam", "Utrecht", "Zwolle" }, "Amsterdam, Utrecht en Zwolle")]
    public void Names_JoinsAsADutchReaderSaysThem(string[] names, string expected) =>
        Assert.Equal(expected, MomentLines.Names(names, Language.Nl));
}
