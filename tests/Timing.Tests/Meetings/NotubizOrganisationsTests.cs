using Timing.Meetings;

namespace Timing.Tests.Meetings;

/// <summary>Reading Notubiz's organisation list and picking the council from it.</summary>
public class NotubizOrganisationsTests
{
    [Fact]
    public void Parse_ReadsIdsAndNames_FromTheRecordedList()
    {
        var list = NotubizOrganisations.Parse(File.ReadAllText(Recorded.Path("notubiz-organisations.json")));
        Assert.Equal(6, list.Count);
        Assert.Contains(new NotubizOrganisations.Organisation(686, "Gemeente Eindhoven"), list);
    }

    [Fact]
    public void Parse_ReadsASingleOrganisation_GivenAsAnObject()
    {
        // Turned from XML, a list of one comes as the organisation itself.
        var list = NotubizOrganisations.Parse("""{"organisations":{"organisation":{"@attributes":{"id":"937"},"name":"Gemeente Hoeksche Waard","logo":"","last_change":"2026-12-01 08:30:02"}}}""");
        Assert.Equal([new NotubizOrganisations.Organisation(937, "Gemeente Hoeksche Waard")], list);
    }

    [Fact]
    public void Parse_RefusesAnotherShape()
    {
        var error = Assert.Throws<FormatException>(() => NotubizOrganisations.Parse("""{"events":[]}"""));
        Assert.Equal("no 'organisations.organisation' list", error.Message);
    }

    [Theory]
    [InlineData("Eindhoven", 686)]
    [InlineData("eindhoven", 686)]
    [InlineData("Hoeksche  Waard", 937)]
    // A foundation or board named after the town is not its council.
    [InlineData("Nieuw Reijerwaard", null)]
    [InlineData("Utrecht", null)]
    public void Find_PicksTheCouncil_ByItsName(string municipality, int? expected)
    {
        var list = NotubizOrganisations.Parse(File.ReadAllText(Recorded.Path("notubiz-organisations.json")));
        Assert.Equal(expected, NotubizOrganisations.Find(list, municipality)?.Id);
    }

    [Fact]
    public void Find_ChoosesNone_WhenTwoCouncilsCarryTheName()
    {
        NotubizOrganisations.Organisation[] list = [new(1, "Gemeente Bergen"), new(2, "Gemeente  bergen")];
        Assert.Null(NotubizOrganisations.Find(list, "Bergen"));
    }
}
