using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Timing.Tests.Web;

namespace Timing.BrowserTests;

/// <summary>
/// Buttons stay readable while pointed at and while focused: the contrast of the colours the browser actually
/// computes in those states, which axe-core's static rules do not look at.
/// </summary>
public partial class ButtonContrastInBrowserTests
{
    /// <summary>WCAG 2.1 AA for normal text.</summary>
    private const double Minimum = 4.5;

    [Fact]
    public async Task EveryButton_KeepsReadableContrast_OnHoverAndFocus()
    {
        var (started, address) = BrowserHost.Start();
        await using var factory = started;
        await factory.CreateDirectorAsync("directeur@welzijn.nl", "Welzijn Utrecht");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await BrowserHost.SignInAsync(page, factory, address, "directeur@welzijn.nl");

        // "Mijn agenda-feed" has primary and secondary buttons.
        await page.GotoAsync(address + "/mijn-feed");
        var buttons = page.Locator("main .button:not(.button--subtle)");
        var count = await buttons.CountAsync();
        Assert.True(count >= 2, $"expected several buttons on /mijn-feed, found {count}");
        Assert.True(await page.Locator("main .button--secondary").CountAsync() > 0, "no secondary button to check");
        var checkedStates = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var button = buttons.Nth(i);
            var name = (await button.InnerTextAsync()).Trim();

            await button.HoverAsync();
            Assert.True(await button.EvaluateAsync<bool>("b => b.matches(':hover')"), $"{name}: not hovered");
            var hover = await ContrastAsync(button);
            Assert.True(hover >= Minimum, $"{name}: contrast {hover:0.00}:1 on hover, below {Minimum}:1");

            // Keyboard focus, as a keyboard user gets it: focus-visible, with the pointer elsewhere.
            await page.Mouse.MoveAsync(0, 0);
            await page.Keyboard.PressAsync("Shift");
            await button.FocusAsync();
            Assert.True(await button.EvaluateAsync<bool>("b => b.matches(':focus-visible')"), $"{name}: not focus-visible");
            var focus = await ContrastAsync(button);
            Assert.True(focus >= Minimum, $"{name}: contrast {focus:0.00}:1 on focus, below {Minimum}:1");
            checkedStates.Add($"{name}: {hover:0.0}/{focus:0.0}");
        }
        Assert.Equal(count, checkedStates.Count);
    }

    /// <summary>The contrast between a button's computed text colour and its computed background colour.</summary>
    private static async Task<double> ContrastAsync(ILocator button)
    {
        // Transitions would make the computed colours lag behind the state.
        var colours = await button.EvaluateAsync<string[]>("b => { const s = getComputedStyle(b); return [s.color, s.backgroundColor, s.transitionDuration]; }");
        Assert.True(colours[2] is "0s" or "", $"a transition ({colours[2]}) would make the computed colours lag");
        return Contrast(Parse(colours[0]), Parse(colours[1]));
    }

    private static (double R, double G, double B) Parse(string rgb)
    {
        var parts = Rgb().Match(rgb);
        Assert.True(parts.Success, $"not an opaque colour: {rgb}");
        double At(int i) => double.Parse(parts.Groups[i].Value, CultureInfo.InvariantCulture);
        Assert.True(!parts.Groups[4].Success || At(4) == 1, $"a see-through colour cannot be checked on its own: {rgb}");
        return (At(1), At(2), At(3));
    }

    private static double Contrast((double R, double G, double B) a, (double R, double G, double B) b)
    {
        static double Channel(double c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        static double Luminance((double R, double G, double B) c) => 0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);
        var (l1, l2) = (Luminance(a), Luminance(b));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    [GeneratedRegex(@"rgba?\((\d+(?:\.\d+)?), (\d+(?:\.\d+)?), (\d+(?:\.\d+)?)(?:, (\d+(?:\.\d+)?))?\)")]
    private static partial Regex Rgb();
}
