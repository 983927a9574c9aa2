using Timing.Core.Cycle;
using Timing.Municipalities;

namespace Timing.Tests.Municipalities;

public class MunicipalityListTests
{
    [Fact]
    public void Load_Cbs2026Csv_Has342Municipalities()
    {
        var list = MunicipalityList.Load(TestPaths.MunicipalitiesCsv);
        Assert.Equal(342, list.Count);
        Assert.Contains(new Municipality(MunicipalityCode.Parse("GM0344"), "Utrecht"), list);
        Assert.Contains(new Municipality(MunicipalityCode.Parse("GM0518"), "'s-Gravenhage"), list);
    }

    [Fact]
    public void Parse_GeoJson_ReadsStatcodeAndStatnaam()
    {
        const string GeoJson = """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"statcode":"GM0363","statnaam":"Amsterdam"},"geometry":null},
              {"type":"Feature","properties":{"statcode":"GM1992","statnaam":"Voorne aan Zee"},"geometry":null}]}
            """;
        var list = MunicipalityList.Parse(GeoJson, "gemeente_2026.geojson");
        Assert.Equal(["Amsterdam", "Voorne aan Zee"], list.Select(m => m.Name));
    }

    [Theory]
    [InlineData("name,code\nGM0344,Utrecht", "list.csv: line 1 must be the header 'code,name' (found 'name,code').")]
    [InlineData("code,name\nGM0344", "list.csv: line 2 has no name after the code: 'GM0344'.")]
    [InlineData("code,name\nGM0344,Utrecht\ngm0344,Utrecht", "list.csv: line 3: GM0344 appears twice.")]
    [InlineData("code,name\nGM0344,", "list.csv: line 2: the name of GM0344 is empty.")]
    public void Parse_BadCsv_NamesTheLine(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MunicipalityList.Parse(text, "list.csv"));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Describe_UnknownCode_IsShownAsItsCode()
    {
        var directory = new MunicipalityDirectory([new Municipality(MunicipalityCode.Parse("GM0344"), "Utrecht")]);
        Assert.Equal("Utrecht", directory.Describe(MunicipalityCode.Parse("GM0344")).Name);
        Assert.Equal("GM9999", directory.Describe(MunicipalityCode.Parse("GM9999")).Name);
    }
}
