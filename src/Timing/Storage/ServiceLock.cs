using Microsoft.Extensions.Options;

namespace Timing.Storage;

/// <summary>
/// While the service runs it holds an exclusive lock on a file beside the SQLite database (the database file
/// with ".running" after it), so <c>timing restore</c> can tell that the database is in use. The operating system
/// drops the lock when the process ends, however it ends.
/// </summary>
public sealed partial class ServiceLock(IOptions<StorageOptions> options, ILogger<ServiceLock> logger) : IHostedService, IDisposable
{
    private FileStream? _held;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".running";

    /// <summary>Whether a running service holds the database at this path.</summary>
    public static bool IsHeld(string databasePath)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StorageProvider.Sqlite)
        {
            return Task.CompletedTask;
        }
        var path = PathFor(options.Value.SqlitePath);
        try
        {
            _held = OperatingSystem.IsWindows()
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)
                : new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
        }
        catch (IOException)
        {
            // Another service on the same file: not this lock's business to stop it, but restore will see one holder.
            AlreadyHeld(logger, path);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Another process already holds {Path}: is a second service running on the same SQLite database?")]
    private static partial void AlreadyHeld(ILogger logger, string path);
}
