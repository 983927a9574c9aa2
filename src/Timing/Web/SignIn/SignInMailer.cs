namespace Timing.Web.SignIn;

/// <summary>Handles queued sign-in link requests one by one: looks the address up and mails a link to a known person.</summary>
public sealed partial class SignInMailer(SignInMailQueue queue, IServiceScopeFactory scopes, ILogger<SignInMailer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
