using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>
/// The claim step of dispatch: takes due rows for this node in one atomic statement, so two nodes never claim the
/// same row, and takes back the claims of a node that stopped.
/// </summary>
public sealed class NudgeClaims(TimingDbContext db, IClock clock, IOptions<WorkerOptions> options)
{
    /// <summary>
    /// Who claims: the node's name and this dispatch run, so two runs on one node (a job left queued before a
    /// restart next to the one started after it) never mistake each other's claims for their own.
    /// </summary>
    public string Claimer { get; } = $"{options.Value.ResolvedNodeName[..Math.Min(options.Value.ResolvedNodeName.Length, 90)]}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>
    /// Moves a row this run claimed to "sending", just before it is handed to the mail server. False when the
    /// claim was taken back meanwhile (its lease ran out): then another run owns the row and this one must not send it.
    /// </summary>
    public async Task<bool> StartSendingAsync(long id, CancellationToken cancellationToken) =>
        await db.Nudges.Where(n => n.Id == id && n.State == NudgeStates.Claimed && n.ClaimedBy == Claimer)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NudgeStates.Sending), cancellationToken) == 1;

    /// <summary>Unsent claims past their lease return to the queue; rows caught mid-handover are flagged uncertain.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var expired = clock.GetCurrentInstant() - Duration.FromSeconds(options.Value.ClaimLeaseSeconds);
        await db.Nudges.Where(n => n.State == NudgeStates.Claimed && n.Claimed < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NudgeStates.Pending), cancellationToken);
        await db.Nudges.Where(n => n.State == NudgeStates.Sending && n.Claimed < expired)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, NudgeStates.Uncertain)
                .SetProperty(n => n.LastError, "the sending process stopped while handing this message to the mail server; check the server's log before resending"), cancellationToken);
    }

    /// <summary>Claims up to a batch of due rows, earliest first; an empty list when nothing is due.</summary>
    public Task<List<long>> ClaimAsync(CancellationToken cancellationToken) =>
        AtomicStatements.ClaimDueNudgesAsync(db, Claimer, clock.GetCurrentInstant(), options.Value.BatchSize, cancellationToken);
}
