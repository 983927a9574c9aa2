using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Timing.Storage;

/// <summary>
/// The writes that must be one SQL statement each, so that two nodes racing for the same rows cannot both win.
/// They name columns and write instants as the converters do, so they live here, beside the model.
/// </summary>
public static class AtomicStatements
{
    /// <summary>
    /// Records an event's fingerprint in a feed scope: a new event starts at SEQUENCE 0, a changed fingerprint
    /// raises SEQUENCE by one, an unchanged one writes nothing. Insert-if-absent and update-if-different are single
    /// statements, so concurrent renders on two nodes cannot count one change twice.
    /// </summary>
    public static async Task RecordFeedVersionAsync(TimingDbContext db, string scope, string uid, string fingerprint, Instant modified, CancellationToken cancellationToken)
    {
        var at = new InstantAsUnixMilliseconds().ConvertToProvider(modified);
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO feed_versions ("Scope", "Uid", "Fingerprint", "Sequence", "ModifiedUnixMs") VALUES ({scope}, {uid}, {fingerprint}, 0, {at}) ON CONFLICT ("Scope", "Uid") DO NOTHING""",
            cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE feed_versions SET "Fingerprint" = {fingerprint}, "Sequence" = "Sequence" + 1, "ModifiedUnixMs" = {at} WHERE "Scope" = {scope} AND "Uid" = {uid} AND "Fingerprint" <> {fingerprint}""",
            cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="batch"/> pending mails (a day's reminders, a digest; never one reminder of a day on its own) that are due at <paramref name="now"/>, earliest first,
    /// for <paramref name="claimer"/>, in one statement; returns their ids. SQLite: BEGIN IMMEDIATE takes the write
    /// lock up front; PostgreSQL: SKIP LOCKED lets nodes share the queue.
    /// </summary>
    public static async Task<List<long>> ClaimDueNudgesAsync(TimingDbContext db, string claimer, Instant now, int batch, CancellationToken cancellationToken)
    {
        var postgres = db.Database.IsNpgsql();
        var sql = $"""
            UPDATE nudges SET "State" = '{NudgeStates.Claimed}', "ClaimedBy" = @node, "ClaimedUnixMs" = @now
            WHERE "Id" IN (
                SELECT "Id" FROM nudges
                WHERE "State" = '{NudgeStates.Pending}' AND "Kind" NOT IN ('{NudgeKinds.Nudge}', '{NudgeKinds.Speaking}') AND "DueUnixMs" <= @now AND "NextAttemptUnixMs" <= @now
                ORDER BY "DueUnixMs", "Id" LIMIT @batch{(postgres ? " FOR UPDATE SKIP LOCKED" : "")})
            RETURNING "Id"
            """;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = sql;
            Add(command, "@node", claimer);
            Add(command, "@now", new InstantAsUnixMilliseconds().ConvertToProvider(now)!);
            Add(command, "@batch", batch);
            var ids = new List<long>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetInt64(0));
                }
            }
            await transaction.CommitAsync(cancellationToken);
            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
