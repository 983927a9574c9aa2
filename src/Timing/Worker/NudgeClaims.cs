using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>
/// The claim step of dispatch: takes due rows for this node in one atomic statement, so two nodes never claim the
/// same row, and takes back the claims of a node that stopped.
/// </summary>
public sealed class NudgeClaims(TimingDbContext db, IClock clock, IOptions<WorkerOptions> options)
{
    /// <summary>Unsent claims past their lease return to the queue; rows caught mid-handover are flagged uncertain.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var expired = clock.GetCurrentInstant().ToUnixTimeMilliseconds() - (options.Value.ClaimLeaseSeconds * 1000L);
        await db.Nudges.Where(n => n.State == NudgeStates.Claimed && n.ClaimedUnixMs < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NudgeStates.Pending), cancellationToken);
        await db.Nudges.Where(n => n.State == NudgeStates.Sending && n.ClaimedUnixMs < expired)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, NudgeStates.Uncertain)
                .SetProperty(n => n.LastError, "the sending process stopped while handing this message to the mail server; check the server's log before resending"), cancellationToken);
    }

    /// <summary>Claims up to a batch of due rows, earliest first; an empty list when nothing is due.</summary>
    public async Task<List<long>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant().ToUnixTimeMilliseconds();
        var postgres = db.Database.IsNpgsql();
        var sql = $"""
            UPDATE nudges SET "State" = 'claimed', "ClaimedBy" = @node, "ClaimedUnixMs" = @now
            WHERE "Id" IN (
                SELECT "Id" FROM nudges
                WHERE "State" = 'pending' AND "DueUnixMs" <= @now AND "NextAttemptUnixMs" <= @now
                ORDER BY "DueUnixMs", "Id" LIMIT @batch{(postgres ? " FOR UPDATE SKIP LOCKED" : "")})
            RETURNING "Id"
            """;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // SQLite: BEGIN IMMEDIATE takes the write lock up front; PostgreSQL: SKIP LOCKED lets nodes share the queue.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = sql;
            Add(command, "@node", options.Value.ResolvedNodeName);
            Add(command, "@now", now);
            Add(command, "@batch", options.Value.BatchSize);
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
