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
    public void Parse_NameOfEightyCharacters_IsAccepted()
    {
        var name = "Súdwest-Fryslân " + new string('a', 64);
        Assert.Equal(80, name.Length);
        Assert.Equal(name, MunicipalityList.Parse($"code,name\nGM1900,{name}\n", "list.csv").Single().Name);
    }

    [Fact]
    public void Decode_InvalidUtf8_NamesTheLine()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("code,name\nGM0344,Utrecht\nGM1900,S\u00FAdwest\n").ToList();
        bytes.InsertRange(bytes.Count - 5, [0xC3, 0x28]); // a broken two-byte sequence in line 3
        var error = Assert.Throws<FormatException>(() => MunicipalityList.Decode([.. bytes], "list.csv"));
        Assert.Equal("list.csv: line 3 is not valid UTF-8; save the list as UTF-8 (CBS publishes it so).", error.Message);
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
    [InlineData("""{"features":[{"properties":{"statcode":"GM0363","statnaam":"Amsterdam"}},{"properties":{"statcode":344,"statnaam":"Utrecht"}}]}""",
        "gemeente.geojson: feature #2: properties.statcode must be text in quotes, but is a number (344).")]
    [InlineData("""{"features":[{"properties":{"statcode":"GM0344","statnaam":null}}]}""",
        "gemeente.geojson: feature #1: properties.statnaam must be text in quotes, but is empty (null).")]
    public void Parse_GeoJsonWithANumberForText_NamesTheFeatureAndField(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MunicipalityList.Parse(text, "gemeente.geojson"));
        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("name,code\nGM0344,Utrecht", "list.csv: line 1 must be the header 'code,name' (found 'name,code').")]
    [InlineData("code,name\nGM0344", "list.csv: line 2 has no name after the code: 'GM0344'.")]
    [InlineData("code,name\nGM0344,Utrecht\ngm0344,Utrecht", "list.csv: line 3: GM0344 appears twice.")]
    [InlineData("code,name\nGM0344,", "list.csv: line 2: the name of GM0344 is empty.")]
    [InlineData("code,name\nGM0344,Utrecht\nGM0363,Amsterdam Amsterdam Amsterdam Amsterdam Amsterdam Amsterdam Amsterdam Amsterdam Amsterdam",
        "list.csv: line 3: the name of GM0363 has 89 characters; at most 80 are allowed.")]
    [InlineData("code,name\nGM0344,Utr\u0007echt", "list.csv: line 2: the name of GM0344 contains the control character U+0007; a name is plain text on one line.")]
    [InlineData("code,name\nGM0344,Utr\techt", "list.csv: line 2: the name of GM0344 contains the control character U+0009; a name is plain text on one line.")]
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
