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
    NudgeRenderer renderer,
    IMailSender mail,
    DeliveryClassifier classifier,
    IClock clock,
    DispatchGate gate,
    ILogger<NudgeDispatcher> logger)
{
    private static readonly Duration[] Backoff =
        [Duration.FromMinutes(1), Duration.FromMinutes(5), Duration.FromMinutes(30), Duration.FromHours(2), Duration.FromHours(6)];

    /// <summary>What a dispatch run did.</summary>
    public sealed record Result(int Sent, int Retrying, int Failed, int Uncertain);

    public async Task<Result> DispatchAsync(CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(cancellationToken);
        await claims.RecoverAsync(cancellationToken);
        var tally = new Tally();
        while (true)
        {
            var ids = await claims.ClaimAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }
            var rows = await renderer.PrepareAsync(ids, cancellationToken);
            if (!await SendAsync(rows, tally, cancellationToken))
            {
                break;
            }
        }
        return new Result(tally.Sent, tally.Retrying, tally.Failed, tally.Uncertain);
    }

    /// <summary>The send step: one connection for the batch. False when no connection could be made (stop for this run).</summary>
    private async Task<bool> SendAsync(List<Nudge> rows, Tally tally, CancellationToken cancellationToken)
    {
        IMailSession session;
        try
        {
            session = await mail.OpenAsync(cancellationToken);
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
        await using (session)
        {
            string? broken = null;
            var sending = rows.Count > 0 && await claims.StartSendingAsync(rows[0].Id, cancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var next = i + 1 < rows.Count ? rows[i + 1] : null;
                if (broken is not null)
                {
                    Apply(row, new DeliveryVerdict(DeliveryOutcome.Retry, $"not tried: the connection was lost earlier in the batch ({broken})", true), tally);
                    continue;
                }
                if (!sending)
                {
                    // The claim was taken back meanwhile (its lease ran out): another run owns this row.
                    db.Entry(row).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
                    sending = next is not null && await claims.StartSendingAsync(next.Id, cancellationToken);
                    continue;
                }
                row.State = NudgeStates.Sending;
                try
                {
                    await session.SendAsync(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row.Message!))), cancellationToken);
                    row.State = NudgeStates.Sent;
                    row.Sent = clock.GetCurrentInstant();
                    row.LastError = null;
                    tally.Sent++;
                }
                catch (Exception e) when (classifier.Classify(e, cancellationToken) is { } verdict)
                {
                    Apply(row, verdict, tally);
                    broken = verdict.ConnectionLost ? verdict.Reason : null;
                }
                // One commit records this row's outcome and marks the next one "sending", just before its handover:
                // one durable write per message instead of two.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                sending = broken is null && next is not null && await claims.StartSendingAsync(next.Id, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            // The rows left untried after a lost connection go back with their retry time.
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
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

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "The mail server refused Timing's login ({Reason}); nudges wait until Mail:User, Mail:Password or Mail:AccessToken is fixed")]
    private static partial void AuthenticationFailed(ILogger logger, string reason);
}
