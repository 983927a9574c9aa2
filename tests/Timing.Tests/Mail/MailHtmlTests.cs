using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Timing.Mail;

namespace Timing.Tests.Mail;

/// <summary>The service renders every mail's HTML with one <see cref="MailHtml"/> for as long as it runs.</summary>
public class MailHtmlTests
{
    [Fact]
    public async Task ARenderedComponent_IsLetGoOnceItsHtmlIsMade()
    {
        await using var html = new MailHtml(NullLoggerFactory.Instance);
        var (text, component) = await RenderOnceAsync(html);
        Assert.Equal("<p>Utrecht</p>", text);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // A renderer keeps each component it rendered until the renderer is disposed; a shared one would keep them all.
        Assert.False(component.IsAlive, "the component of a mail that was already rendered is still held in memory");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(string Html, WeakReference Component)> RenderOnceAsync(MailHtml html)
    {
        WeakReference? made = null;
        var text = await html.RenderAsync<Probe>(new Dictionary<string, object?>
        {
            [nameof(Probe.Text)] = "Utrecht",
            [nameof(Probe.Made)] = (Action<object>)(c => made = new WeakReference(c)),
        });
        return (text, made!);
    }

    /// <summary>A component that tells who made it, so the test can watch whether it stays in memory.</summary>
    public sealed class Probe : ComponentBase
    {
        [Parameter]
        public string Text { get; set; } = "";

        [Parameter]
        public Action<object> Made { get; set; } = _ => { };

        protected override void OnInitialized() => Made(this);

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, Text);
            builder.CloseElement();
        }
    }
}
