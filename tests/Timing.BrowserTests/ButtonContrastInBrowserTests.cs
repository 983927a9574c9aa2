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
    public async Task EveryButtonStyle_KeepsReadableContrast_AtRestOnHoverAndOnFocus()
    {
        var (started, address) = BrowserHost.Start();
        await using var factory = started;
        await Timing.Tests.Worker.WorkerHarness.DirectorFollowingAsync(factory, "directeur@welzijn.nl", "Welzijn Utrecht", ("GM0344", "Utrecht"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserHost.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await BrowserHost.SignInAsync(page, factory, address, "directeur@welzijn.nl");

        // Primary and secondary on "Mijn agenda-feed", the dark red of a removal, and the header's sign-out button
        // that sits on the header's own colour.
        var checkedStyles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, selector) in new[]
        {
            ("/mijn-feed", "main .button"),
            ("/gemeenten/GM0344/verwijderen/gemeente", "main .button"),
            ("/mijn-feed", "header .button"),
        })
        {
            await page.GotoAsync(address + path);
            var buttons = page.Locator(selector);
            var count = await buttons.CountAsync();
            Assert.True(count >= 1, $"no button '{selector}' on {path}");
            for (var i = 0; i < count; i++)
            {
                var button = buttons.Nth(i);
                if (!await button.IsVisibleAsync())
                {
                    continue;
                }
                var name = $"{path} '{(await button.InnerTextAsync()).Trim()}'";
                checkedStyles.Add(await button.GetAttributeAsync("class") ?? "");

                await page.Mouse.MoveAsync(0, 0);
                await button.EvaluateAsync("b => b.blur()");
                var rest = await ContrastAsync(button);
                Assert.True(rest >= Minimum, $"{name}: contrast {rest:0.00}:1 at rest, below {Minimum}:1");

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
            }
        }
        Assert.Equal(["button", "button button--danger", "button button--secondary", "button button--subtle"], checkedStyles.Order(StringComparer.Ordinal));
    }

    /// <summary>The contrast between a button's computed text colour and its computed background colour.</summary>
    private static async Task<double> ContrastAsync(ILocator button)
    {
        // Transitions would make the computed colours lag behind the state.
        // A see-through button shows what lies beneath it: the first ancestor with a colour of its own.
        var colours = await button.EvaluateAsync<string[]>(@"b => {
            const s = getComputedStyle(b);
            let e = b, bg = s.backgroundColor;
            while (e && /^rgba\(.*, 0\)$|^transparent$/.test(bg)) { e = e.parentElement; bg = e ? getComputedStyle(e).backgroundColor : 'rgb(255, 255, 255)'; }
            return [s.color, bg, s.transitionDuration];
        }");
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
