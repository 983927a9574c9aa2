using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Timing.Storage;

namespace Timing.Cli;

/// <summary><c>timing backup FILE</c> and <c>timing restore FILE [--force]</c>, for the SQLite database.</summary>
public static class BackupCommands
{
    public const string PostgreSqlAdvice =
        "the database is PostgreSQL (Storage:Provider); back it up with pg_dump -Fc and restore it with pg_restore --clean, as docs/operating.md describes";

    public static Command Backup(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The new file to write the copy to (readable by its owner only)." };
        var command = new Command("backup", "Maakt een consistente kopie van de database, ook terwijl de dienst draait / Makes a consistent copy of the database, also while the service runs.") { file };
        command.SetAction(parsed =>
        {
            var database = SqlitePath(context);
            var target = Path.GetFullPath(parsed.GetValue(file)!);
            try
            {
                var bytes = SqliteBackup.Backup(database, target);
                context.Output.WriteLine($"Kopie gemaakt / backup written: {target} ({bytes} bytes) from {database}.");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                throw new Storage.StorageUnavailableException($"no backup made: {e.Message}", e);
            }
        });
        return command;
    }

    public static Command Restore(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A copy made by timing backup." };
        var force = new Option<bool>("--force") { Description = "Restore even while the service runs on this database." };
        var command = new Command("restore", "Zet een kopie terug; de vervangen database blijft bewaard / Puts a backup back; the replaced database is kept.") { file, force };
        command.SetAction(parsed =>
        {
            var database = SqlitePath(context);
            var source = Path.GetFullPath(parsed.GetValue(file)!);
            if (ServiceLock.IsHeld(database) && !parsed.GetValue(force))
            {
                throw new UsageException($"the service is running on {database}; stop it first (systemctl stop timing), or add --force to restore under it");
            }
            SqliteBackup.RestoreOutcome outcome;
            try
            {
                outcome = SqliteBackup.RestoreAsync(database, source, MigrateAsync, context.Clock.GetCurrentInstant()).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
            {
                throw new Storage.StorageUnavailableException($"nothing restored: {e.Message}", e);
            }
            context.Output.WriteLine($"Hersteld / restored: {outcome.Replaced} now holds the copy {source}.");
            context.Output.WriteLine(outcome.KeptAt.Length > 0
                ? $"De vervangen database staat in / the database it replaced is kept at {outcome.KeptAt}."
                : "Er was geen database om te vervangen / there was no database to replace.");
            context.Output.WriteLine($"Outbox: {outcome.CarriedOver} nudges sent (or possibly sent) after the backup were kept as such; "
                + $"{outcome.NowUncertain} being handed over at backup time now count as uncertain and are not resent; "
                + $"{outcome.ClaimsReleased} claimed but not yet handed over wait to be sent.");
            return 0;
        });
        return command;

        async Task MigrateAsync(string staging)
        {
            await using var services = await CliServices.StartAsync(context, new Dictionary<string, string?>
            {
                ["Storage:Provider"] = nameof(StorageProvider.Sqlite),
                ["Storage:SqlitePath"] = staging,
            });
        }
    }

    private static string SqlitePath(CliContext context)
    {
        var storage = context.Settings.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Provider != StorageProvider.Sqlite)
        {
            throw new UsageException(PostgreSqlAdvice);
        }
        return Path.GetFullPath(storage.SqlitePath);
    }
}
