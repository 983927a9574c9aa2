namespace Timing.Tests;

/// <summary>Waits for something another process does (a service, a mail server), failing with what was still missing.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> done, TimeSpan limit, Func<Task<string>> missing)
    {
        var until = DateTime.UtcNow + limit;
        while (!await done())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"not done within {limit.TotalSeconds} s: {await missing()}");
            }
            await Task.Delay(200);
        }
    }

    public static Task TrueAsync(Func<bool> done, TimeSpan limit, string what) =>
        TrueAsync(() => Task.FromResult(done()), limit, () => Task.FromResult(what));
}
