using System.Data.Common;

namespace Timing.Storage;

/// <summary>
/// The database cannot be opened or brought up to date at start-up. The message names the database,
/// the reason and the setting to fix, on one line.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner)
{
    /// <summary>Whether an exception thrown while opening or migrating is a problem of the database or its file.</summary>
    public static bool IsStorageFailure(Exception e) => e is DbException or IOException or UnauthorizedAccessException;

    public static StorageUnavailableException For(StorageOptions options, Exception e)
    {
        var reason = string.Join(' ', e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return new StorageUnavailableException(options.Provider == StorageProvider.PostgreSql
            ? $"the PostgreSQL database cannot be opened or brought up to date ({reason}); check Storage:PostgreSqlConnectionString."
            : $"the database file {Path.GetFullPath(options.SqlitePath)} cannot be opened or brought up to date ({reason}); set Storage:SqlitePath to a writable SQLite file (a new one is created if it does not exist).", e);
    }
}
