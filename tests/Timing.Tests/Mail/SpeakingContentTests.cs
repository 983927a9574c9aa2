using Timing.Core.Cycle;
using Timing.Core.Meetings;
using Timing.Mail;

namespace Timing.Tests.Mail;

public class SpeakingContentTests
{
    [Theory]
    [InlineData(SpeakingLead.WeekBefore)]
    [InlineData(SpeakingLead.LastWorkingDay)]
    public void Create_SaysTheRegistrationDeadlineDiffersPerCouncil_AndWhereTheRuleIsWritten(SpeakingLead lead)
    {
        // Zeewolde asks a day ahead, Putten until the morning itself: no single "most councils" rule holds.
        var content = SpeakingContent.Create(Language.Nl, lead, "Utrecht", "Commissie Samenleving", "Commissie Samenleving",
            new LocalDate(2027, 6, 10), null, new LocalDate(2027, 6, 3), new LocalizedText("Kadernota 2028", "Framework note 2028"), []);
        var text = string.Join("\n", content.Intro, content.Register);
        Assert.Contains("De termijn verschilt per gemeente", text, StringComparison.Ordinal);
        Assert.Contains("reglement van orde", text, StringComparison.Ordinal);
        Assert.DoesNotContain("de meeste gemeenten", text, StringComparison.OrdinalIgnoreCase);
    }
}
