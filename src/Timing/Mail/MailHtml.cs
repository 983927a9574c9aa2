using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Timing.Mail;

/// <summary>
/// Renders the Razor components of mail (NudgeMail, DigestMail) to HTML strings, outside any web request. The
/// components need no services, so each renderer gets an empty container rather than the web's scoped one.
/// </summary>
public sealed class MailHtml(ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();

    /// <summary>
    /// Renders one component with a renderer of its own: a renderer keeps every component it rendered until it is
    /// disposed, so one shared renderer would hold every mail the service ever sent.
    /// </summary>
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(_services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
