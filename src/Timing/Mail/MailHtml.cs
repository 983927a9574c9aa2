using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Timing.Mail;

/// <summary>
/// Renders the Razor components of mail (NudgeMail, DigestMail) to HTML strings, outside any web request. The
/// components need no services, so the renderer gets an empty container of its own rather than the web's scoped one.
/// </summary>
public sealed class MailHtml : IAsyncDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().BuildServiceProvider();
    private readonly HtmlRenderer _renderer;

    public MailHtml(ILoggerFactory loggers) => _renderer = new HtmlRenderer(_services, loggers);

    public Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent =>
        _renderer.Dispatcher.InvokeAsync(async () =>
            (await _renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());

    public async ValueTask DisposeAsync()
    {
        await _renderer.DisposeAsync();
        await _services.DisposeAsync();
    }
}
