using Timing.Core.Cycle;
using Timing.Web;

namespace Timing.Tests.Web;

/// <summary>What a date rests on, and who set a public fact, in the reader's language.</summary>
public class SourceTextTests
{
    [Theory]
    [InlineData("Vergadering / meeting 'Begrotingsraad 2028' (2027-11-04) (https://raad.example.nl/1)", "Vergadering 'Begrotingsraad 2028' (2027-11-04) (https://raad.example.nl/1)", "Meeting 'Begrotingsraad 2028' (2027-11-04) (https://raad.example.nl/1)")]
    [InlineData("Vergaderingen / meetings 'Commissie' (2027-05-20), 'Raad' (2027-06-10)", "Vergaderingen 'Commissie' (2027-05-20), 'Raad' (2027-06-10)", "Meetings 'Commissie' (2027-05-20), 'Raad' (2027-06-10)")]
    [InlineData("Gepubliceerd door / published by Welzijn Utrecht", "Gepubliceerd door Welzijn Utrecht", "Published by Welzijn Utrecht")]
    [InlineData("Kieswet art. J 1", "Kieswet art. J 1", "Kieswet art. J 1")]
    [InlineData("Kieswet art. I 4 en I 14", "Kieswet art. I 4 en I 14", "Kieswet art. I 4 and I 14")]
    [InlineData("Gemeentewet art. 191 lid 2", "Gemeentewet art. 191 lid 2", "Gemeentewet art. 191 paragraph 2")]
    [InlineData("Kieswet hoofdstuk P (zitting centraal stembureau, tot 2023)", "Kieswet hoofdstuk P (zitting centraal stembureau, tot 2023)", "Kieswet chapter P (session of the central electoral committee, until 2023)")]
    [InlineData("Raadsbesluit begroting en kadernota", "Raadsbesluit begroting en kadernota", "Raadsbesluit begroting en kadernota")]
    public void Source_IsShownInTheReadersLanguage_CitationsAsPublished_TypedSourcesAsWritten(string stored, string dutch, string english)
    {
        Assert.Equal(dutch, SourceText.In(stored, Language.Nl));
        Assert.Equal(english, SourceText.In(stored, Language.En));
    }

    [Theory]
    [InlineData("meetings:ical", "vergaderkalender (iCalendar)", "meeting calendar (iCalendar)")]
    [InlineData("operator:beheer@welzijn.nl", "beheerder beheer@welzijn.nl", "operator beheer@welzijn.nl")]
    [InlineData("directeur@welzijn.nl", "directeur@welzijn.nl", "directeur@welzijn.nl")]
    public void WhoSetAFact_IsNamedInTheReadersLanguage(string stored, string dutch, string english)
    {
        Assert.Equal(dutch, PublicFactText.Who(stored, Language.Nl));
        Assert.Equal(english, PublicFactText.Who(stored, Language.En));
    }
}
