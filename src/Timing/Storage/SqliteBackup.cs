using Microsoft.Data.Sqlite;

namespace Timing.Storage;

/// <summary>
/// Consistent copies of the SQLite database with SQLite's online backup API: a copy is one moment of the
/// database, taken while the service keeps reading and writing. Copies are readable by their owner only.
/// </summary>
public static class SqliteBackup
{
    /// <summary>What a restore did to the outbox, for the operator to read.</summary>
    public sealed record RestoreOutcome(string Replaced, string KeptAt, int CarriedOver, int NowUncertain, int ClaimsReleased);

    /// <summary>Copies the database at <paramref name="database"/> to a new file (mode 0600); refuses to overwrite one.</summary>
    public static long Backup(string database, string file)
    {
        if (!File.Exists(database))
        {
            throw new FileNotFoundException($"there is no database at {database} (Storage:SqlitePath)");
        }
        if (File.Exists(file))
        {
            throw new IOException($"{file} already exists; give the name of a new file");
        }
        Copy(database, file, readOnlySource: true);
        using (var copy = Open(file, SqliteOpenMode.ReadWrite))
        {
            // One self-contained file: no -wal or -shm beside the copy.
            Execute(copy, "PRAGMA journal_mode=DELETE;");
        }
        return new FileInfo(file).Length;
    }

    /// <summary>
    /// Puts the copy in <paramref name="file"/> in place of the database at <paramref name="database"/>, after the
    /// copy is brought to the current schema by <paramref name="migrate"/>. The outbox keeps what the world already
    /// knows: a nudge that the replaced database records as sent (or possibly sent, or refused) stays so; a nudge
    /// that was being handed to the mail server when the copy was taken counts as uncertain and is never resent.
    /// The replaced database is kept beside it.
    /// </summary>
    public static async Task<RestoreOutcome> RestoreAsync(string database, string file, Func<string, Task> migrate, Instant now)
    {
        Check(file);
        var staging = database + ".restoring";
        DeleteWithSidecars(staging);
        Copy(file, staging, readOnlySource: true);
        try
        {
            await migrate(staging);
            int carried = 0, uncertain, released;
            using (var restored = Open(staging, SqliteOpenMode.ReadWrite))
            {
                if (File.Exists(database))
                {
                    Execute(restored, $"ATTACH DATABASE '{database.Replace("'", "''", StringComparison.Ordinal)}' AS replaced;");
                    carried = Execute(restored, CarryOverUpdate) + Execute(restored, CarryOverInsert);
                    Execute(restored, "DETACH DATABASE replaced;");
                }
                uncertain = Execute(restored, "UPDATE nudges SET State = 'uncertain', LastError = 'was being handed to the mail server when the backup was taken', ClaimedBy = NULL, ClaimedUnixMs = NULL WHERE State = 'sending';");
                released = Execute(restored, "UPDATE nudges SET State = 'pending', ClaimedBy = NULL, ClaimedUnixMs = NULL WHERE State = 'claimed';");
            }
            var keptAt = "";
            if (File.Exists(database))
            {
                keptAt = $"{database}.replaced-{now.ToString("uuuuMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture)}";
                Copy(database, keptAt, readOnlySource: false);
            }
            // Through the backup API again, so connections that have the file open see the new content, never half of it.
            Copy(staging, database, readOnlySource: true, replace: true);
            return new RestoreOutcome(database, keptAt, carried, uncertain, released);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            DeleteWithSidecars(staging);
        }
    }

    // The replaced database's outbox rows that went out (or may have), matched by their natural key, so a restored
    // row that was still waiting at backup time is not sent a second time.
    private const string Gone = "('sent', 'sending', 'uncertain', 'failed')";

    private const string CarryOverUpdate = $"""
        UPDATE main.nudges AS r
        SET State = CASE c.State WHEN 'sending' THEN 'uncertain' ELSE c.State END,
            Attempts = c.Attempts, MessageId = c.MessageId, Message = c.Message, LastError = c.LastError, SentUnixMs = c.SentUnixMs,
            ClaimedBy = NULL, ClaimedUnixMs = NULL
        FROM replaced.nudges AS c
        WHERE c.PersonId = r.PersonId AND c.Kind = r.Kind AND c.Subject = r.Subject AND c.LeadId = r.LeadId AND c.Day = r.Day
          AND c.State IN {Gone} AND r.State NOT IN ('sent', 'uncertain', 'failed');
        """;

    // Rows planned after the backup was taken and already sent: without them the next planning run would plan them
    // anew and send them again. Only for people the restored database has (same id, same address).
    private const string CarryOverInsert = $"""
        INSERT INTO main.nudges (PersonId, Kind, Subject, LeadId, Day, DueUnixMs, State, Attempts, NextAttemptUnixMs, MessageId, Message, LastError, SentUnixMs, CreatedUnixMs)
        SELECT c.PersonId, c.Kind, c.Subject, c.LeadId, c.Day, c.DueUnixMs, CASE c.State WHEN 'sending' THEN 'uncertain' ELSE c.State END,
               c.Attempts, c.NextAttemptUnixMs, c.MessageId, c.Message, c.LastError, c.SentUnixMs, c.CreatedUnixMs
        FROM replaced.nudges AS c
        WHERE c.State IN {Gone}
          AND c.PersonId IN (SELECT p.Id FROM main.people AS p JOIN replaced.people AS q ON q.Id = p.Id AND q.Email = p.Email)
          AND NOT EXISTS (SELECT 1 FROM main.nudges AS r
                          WHERE r.PersonId = c.PersonId AND r.Kind = c.Kind AND r.Subject = c.Subject AND r.LeadId = c.LeadId AND r.Day = c.Day);
        """;

    /// <summary>A file restore accepts: an intact SQLite database with Timing's schema history.</summary>
    private static void Check(string file)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"there is no file {file}");
        }
        try
        {
            using var copy = Open(file, SqliteOpenMode.ReadOnly);
            using var check = copy.CreateCommand();
            check.CommandText = "PRAGMA quick_check;";
            if (check.ExecuteScalar() as string is not "ok" and var problem)
            {
                throw new InvalidDataException($"{file} is damaged: {problem}");
            }
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE name IN ('__EFMigrationsHistory', 'nudges', 'people');";
            if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 3)
            {
                throw new InvalidDataException($"{file} is not a Timing database (it has no nudges, people or schema history)");
            }
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{file} is not a SQLite database ({e.Message})", e);
        }
    }

    private static void Copy(string from, string to, bool readOnlySource, bool replace = false)
    {
        if (!replace)
        {
            CreatePrivate(to);
        }
        using var source = Open(from, readOnlySource ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite);
        using var destination = Open(to, SqliteOpenMode.ReadWrite);
        source.BackupDatabase(destination);
    }

    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            using var _ = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        }
        else
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite });
        }
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    private static int Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static void DeleteWithSidecars(string path)
    {
        foreach (var side in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(side);
        }
    }
}
