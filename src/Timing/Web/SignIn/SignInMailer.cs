namespace Timing.Web.SignIn;

/// <summary>
/// Handles queued sign-in link requests: looks the address up and mails a link to a known person. Several requests
/// are handled at once, so a mail to a known address never holds up the mail of the request behind it: otherwise the
/// arrival of one's own link would tell whether the address asked for just before it has an account.
/// </summary>
public sealed partial class SignInMailer(SignInMailQueue queue, IServiceScopeFactory scopes, ILogger<SignInMailer> logger) : BackgroundService
{
    public const int AtOnce = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, AtOnce).Select(_ => HandleAsync(stoppingToken)));

    private async Task HandleAsync(CancellationToken stoppingToken)
    {
        await foreach (var (address, returnPath) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<MagicLinks>().SendAsync(address, returnPath, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // One failed request must not stop the ones behind it.
                NotHandled(logger, e.GetType().Name, e.Message);
            }
            finally
            {
                queue.Handled();
            }
        }
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "A sign-in link request could not be handled: {Kind}: {Reason}")]
    private static partial void NotHandled(ILogger logger, string kind, string reason);
}
