using Timing.Core.Cycle;

namespace Timing.Core.Tests.Cycle;

public class MunicipalityCodeTests
{
    [Theory]
    [InlineData("GM0344", "GM0344")]
    [InlineData("gm0363", "GM0363")]
    [InlineData(" GM1992 ", "GM1992")]
    public void TryParse_AcceptsCbsCodes(string text, string expected)
    {
        Assert.True(MunicipalityCode.TryParse(text, out var code));
        Assert.Equal(expected, code.Value.Value);
    }

    [Theory]
    [InlineData("GM344")]
    [InlineData("0344")]
    [InlineData("PV0344")]
    [InlineData("GM03444")]
    [InlineData("GM03x4")]
    [InlineData("")]
    public void Parse_RejectsAnythingElse_WithTheExpectedForm(string text)
    {
        var error = Assert.Throws<FormatException>(() => MunicipalityCode.Parse(text));
        Assert.Equal($"'{text}' is not a municipality code: expected GM followed by four digits, e.g. GM0344.", error.Message);
    }
}
