using System.Net;
using Timing.Meetings;

namespace Timing.Tests.Meetings;

/// <summary>What text from a source may carry onto a page, and how a source is named there.</summary>
public class SourceTextTests
{
    [Theory]
    // A right-to-left override would show "Begroting" reversed and hide what follows.
    [InlineData("Raad\u202Evergadering", "Raadvergadering")]
    // Isolates and marks are as invisible and as able to reorder a line.
    [InlineData("\u2066Kadernota\u2069 2028\u200F", "Kadernota 2028")]
    // A terminal escape sequence loses its ESC, so a terminal prints it as text.
    [InlineData("Commissie\u001b[31m Bestuur", "Commissie[31m Bestuur")]
    // Line ends and tabs become spaces: a title stays on one line.
    [InlineData("  Gemeente-\r\nraad\t", "Gemeente-  raad")]
    [InlineData("Café “De Raad” — 20:00", "Café “De Raad” — 20:00")]
    public void Clean_RemovesControlAndBidiCharacters_AndKeepsTheRest(string text, string clean) =>
        Assert.Equal(clean, SourceText.Clean(text));

    [Theory]
    [InlineData("https://beheer:geheim@raad.example.nl/agenda.ics?key=abc", "raad.example.nl")]
    [InlineData("http://127.0.0.1:8080/cal.ics", "127.0.0.1:8080")]
    [InlineData("/srv/timing/kalenders/raad.ics", "raad.ics")]
    public void Host_NamesASourceWithoutPathQueryOrCredentials(string address, string shown) =>
        Assert.Equal(shown, SourceText.Host(address));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("145.97.39.1", false)]
    [InlineData("2a00:1450:4001:82a::2004", false)]
    public void IsPrivate_RefusesLoopbackPrivateAndLinkLocalAddresses(string address, bool isPrivate) =>
        Assert.Equal(isPrivate, MeetingFetcher.IsPrivate(IPAddress.Parse(address)));
}
