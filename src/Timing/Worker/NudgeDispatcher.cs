using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Mail;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>
/// Sends due nudges exactly once, whatever happens to the process or the mail server, in four steps:
/// <see cref="NudgeClaims"/> claims due rows in one atomic statement; <see cref="NudgeRenderer"/> stores each
/// rendered message with its Message-ID; the send step marks a row "sending" just before handing it to the
/// server and "sent" right after; <see cref="DeliveryClassifier"/> decides what a failure means. A crash leaves
/// a claimed row to be taken again after its lease, and a row caught mid-handover flagged "uncertain" instead of
/// sent twice. A failure that may pass (no connection, a 4xx answer, a refused login) is retried with backoff
/// (1 min, 5 min, 30 min, 2 h, 6 h, then failed); a 5xx answer or a refused recipient fails at once.
/// </summary>
public sealed partial class NudgeDispatcher(
    TimingDbContext db,
    NudgeClaims claims,
    DailyBundles bundles,
    NudgeRenderer renderer,
    IMailSender mail,
    IOptions<MailOptions> mailOptions,
    DeliveryClassifier classifier,
    IClock clock,
    DispatchGate gate,
    ILogger<NudgeDispatcher> logger)
{
    /// <summary>Taken by a connection for each change to the rows and each database call: the context is not thread-safe.</summary>
    private readonly SemaphoreSlim _database = new(1, 1);

    private static readonly Duration[] Backoff =
        [Duration.FromMinutes(1), Duration.FromMinutes(5), Duration.FromMinutes(30), Duration.FromHours(2), Duration.FromHours(6)];

    /// <summary>What a dispatch run did.</summary>
    public sealed record Result(int Sent, int Retrying, int Failed, int Uncertain);

    public async Task<Result> DispatchAsync(CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await claims.RecoverAsync(cancellationToken);
        // Reminders of a mail that went (or was caught mid-handover) before a stop take its outcome first, so none of
        // them is bundled again; then the due reminders get their day's mail.
        await bundles.SettleAsync(cancellationToken);
        await bundles.BundleAsync(cancellationToken);
        var tally = new Tally();
        while (true)
        {
            var ids = await claims.ClaimAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }
            var rows = await renderer.PrepareAsync(ids, cancellationToken);
            var sent = await SendAsync(rows, tally, cancellationToken);
            // Every row of the batch is saved: forget them, so each commit of the next batch looks at its own rows only.
            db.ChangeTracker.Clear();
            await bundles.SettleAsync(cancellationToken);
            if (!sent)
            {
                break;
            }
        }
        Metrics.TimingMetrics.Delivered(tally.Sent, tally.Retrying, tally.Failed, tally.Uncertain);
        return new Result(tally.Sent, tally.Retrying, tally.Failed, tally.Uncertain);
    }

    /// <summary>
    /// The send step: the batch is shared over up to Mail:Connections connections, each sending its rows in turn.
    /// False when no connection could be made (stop for this run).
    /// </summary>
    private async Task<bool> SendAsync(List<Nudge> rows, Tally tally, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            // Every claimed row was retracted while rendering: nothing to send.
            return true;
        }
        var sessions = new List<IMailSession>();
        try
        {
            sessions.Add(await mail.OpenAsync(cancellationToken));
        }
        catch (Exception e) when (classifier.Classify(e, cancellationToken) is { } verdict)
        {
            if (e is MailKit.Security.AuthenticationException)
            {
                AuthenticationFailed(logger, e.Message);
            }
            foreach (var row in rows)
            {
                Apply(row, verdict, tally);
            }
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        try
        {
            while (sessions.Count < Math.Min(mailOptions.Value.Connections, rows.Count))
            {
                try
                {
                    sessions.Add(await mail.OpenAsync(cancellationToken));
                }
                catch (Exception e) when (classifier.Classify(e, cancellationToken) is { } verdict)
                {
                    // A server that limits connections: the ones already open carry the batch.
                    FewerConnections(logger, sessions.Count, verdict.Reason);
                    break;
                }
            }
            // Each commit names the one row it changed: looking through every row of the batch for changes, as the
            // context does by default, cost more than the commit itself.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                var lanes = sessions.Select((session, lane) => SendLaneAsync(session, rows.Where((_, i) => i % sessions.Count == lane).ToList(), tally, cancellationToken));
                await Task.WhenAll(lanes.ToList());
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }
            // The rows left untried after a lost connection go back with their retry time.
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }
        }
        return true;
    }

    /// <summary>
    /// Sends one connection's rows in turn. The connections share this run's database context, so every change to
    /// the rows and every database call waits for its turn (<see cref="_database"/>); only the handovers overlap.
    /// </summary>
    private async Task SendLaneAsync(IMailSession session, List<Nudge> rows, Tally tally, CancellationToken cancellationToken)
    {
        string? broken = null;
        var sending = await InTurnAsync(() => claims.StartSendingAsync(rows[0].Id, cancellationToken), cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var next = i + 1 < rows.Count ? rows[i + 1] : null;
            if (broken is not null)
            {
                await InTurnAsync(() => Apply(row, new DeliveryVerdict(DeliveryOutcome.Retry, $"not tried: the connection was lost earlier in the batch ({broken})", true), tally), cancellationToken);
                continue;
            }
            if (!sending)
            {
                // The claim was taken back meanwhile (its lease ran out): another run owns this row.
                sending = await InTurnAsync(async () =>
                {
                    db.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
                    return next is not null && await claims.StartSendingAsync(next.Id, cancellationToken);
                }, cancellationToken);
                continue;
            }
            DeliveryVerdict? failure = null;
            try
            {
                await session.SendAsync(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row.Message!))), cancellationToken);
            }
            catch (Exception e) when (classifier.Classify(e, cancellationToken) is { } verdict)
            {
                failure = verdict;
                broken = verdict.ConnectionLost ? verdict.Reason : null;
            }
            // One commit records this row's outcome and marks the next one "sending", just before its handover:
            // one durable write per message instead of two.
            sending = await InTurnAsync(async () =>
            {
                if (failure is null)
                {
                    row.State = NudgeStates.Sent;
                    row.Sent = clock.GetCurrentInstant();
                    row.LastError = null;
                    tally.Sent++;
                }
                else
                {
                    Apply(row, failure, tally);
                }
                db.Entry(row).DetectChanges();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                var started = broken is null && next is not null && await claims.StartSendingAsync(next.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return started;
            }, cancellationToken);
        }
    }

    private Task<bool> InTurnAsync(Action change, CancellationToken cancellationToken) =>
        InTurnAsync(() =>
        {
            change();
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>Runs a piece of database work when no other connection of this run is doing any.</summary>
    private async Task<T> InTurnAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _database.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _database.Release();
        }
    }

    private void Apply(Nudge row, DeliveryVerdict verdict, Tally tally)
    {
        switch (verdict.Outcome)
        {
            case DeliveryOutcome.Failed:
                row.State = NudgeStates.Failed;
                row.LastError = verdict.Reason;
                tally.Failed++;
                break;
            case DeliveryOutcome.Uncertain:
                row.State = NudgeStates.Uncertain;
                row.LastError = verdict.Reason;
                tally.Uncertain++;
                break;
            default:
                if (Retry(row, verdict.Reason))
                {
                    tally.Retrying++;
                }
                else
                {
                    tally.Failed++;
                }
                break;
        }
    }

    /// <summary>Puts a row back with the next backoff step, or fails it when the steps are used up. True when it will be retried.</summary>
    private bool Retry(Nudge row, string error)
    {
        row.Attempts++;
        row.LastError = error;
        if (row.Attempts > Backoff.Length)
        {
            row.State = NudgeStates.Failed;
            return false;
        }
        row.State = NudgeStates.Pending;
        row.NextAttempt = clock.GetCurrentInstant() + Backoff[row.Attempts - 1];
        return true;
    }

    private sealed class Tally
    {
        public int Sent { get; set; }

        public int Retrying { get; set; }

        public int Failed { get; set; }

        public int Uncertain { get; set; }
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "The mail server refused another connection ({Reason}); this batch goes over the {Open} already open. Lower Mail:Connections if this repeats")]
    private static partial void FewerConnections(ILogger logger, int open, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "The mail server refused Timing's login ({Reason}); nudges wait until Mail:User, Mail:Password or Mail:AccessToken is fixed")]
    private static partial void AuthenticationFailed(ILogger logger, string reason);
}
