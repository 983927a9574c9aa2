namespace Timing.Worker;

/// <summary>
/// Lets one dispatch run at a time work in this process. Hangfire may start a run while the previous one is
/// still sending (after a restart it picks up queued runs at once); two runs in one process would only compete
/// for the same rows and, with a short claim lease, take back each other's claims. Runs on other nodes still
/// share the outbox through its atomic claims.
/// </summary>
public sealed class DispatchGate
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Waits until no other run of this process is sending, then holds the gate until disposed.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        return new Release(_one);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
