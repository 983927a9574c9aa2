using System.Data.Common;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using MimeKit;
using Timing.Core.Cycle;
using Timing.Feeds;
using Timing.Mail;
using Timing.Municipalities;
using Timing.Storage;

namespace Timing.Worker;

/// <summary>
/// Sends due nudges exactly once, whatever happens to the process or the mail server:
/// claim due rows in one atomic statement, store the rendered message with its Message-ID, mark the row
/// "sending" just before handing it to the server and "sent" right after. A crash leaves a claimed row to be
/// taken again after its lease, and a row caught mid-handover flagged "uncertain" instead of sent twice.
/// Failures are classified: no connection or a 4xx answer is retried with backoff (1 min, 5 min, 30 min,
/// 2 h, 6 h, then failed); a 5xx answer or a refused recipient fails at once.
/// </summary>
public sealed partial class NudgeDispatcher(
    TimingDbContext db,
    IMailSender mail,
    NudgeMessages messages,
    Unsubscribe unsubscribe,
    CyclePlanner planner,
    IClock clock,
    IOptions<WorkerOptions> options,
    IOptions<FeedOptions> feeds,
    ILogger<NudgeDispatcher> logger)
{
    private static readonly Duration[] Backoff =
        [Duration.FromMinutes(1), Duration.FromMinutes(5), Duration.FromMinutes(30), Duration.FromHours(2), Duration.FromHours(6)];

    /// <summary>What a dispatch run did.</summary>
    public sealed record Result(int Sent, int Retrying, int Failed, int Uncertain);

    public async Task<Result> DispatchAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken);
        int sent = 0, retrying = 0, failed = 0, uncertain = 0;
        while (true)
        {
            var ids = await ClaimAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }
            var rows = await PrepareAsync(ids, cancellationToken);
            IMailSession session;
            try
            {
                session = await mail.OpenAsync(cancellationToken);
            }
            catch (Exception e) when (IsConnectionProblem(e) || e is MailNotSentException)
            {
                if (e is AuthenticationException)
                {
                    AuthenticationFailed(logger, e.Message);
                }
                foreach (var row in rows)
                {
                    retrying += Retry(row, Describe(e)) ? 1 : 0;
                    failed += row.State == NudgeStates.Failed ? 1 : 0;
                }
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            await using (session)
            {
                var broken = false;
                foreach (var row in rows)
                {
                    if (broken)
                    {
                        retrying += Retry(row, "the connection to the mail server broke earlier in the batch") ? 1 : 0;
                        continue;
                    }
                    row.State = NudgeStates.Sending;
                    await db.SaveChangesAsync(cancellationToken);
                    try
                    {
                        await session.SendAsync(MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row.Message!))), cancellationToken);
                        row.State = NudgeStates.Sent;
                        row.SentUnixMs = clock.GetCurrentInstant().ToUnixTimeMilliseconds();
                        row.LastError = null;
                        sent++;
                    }
                    catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted || (int)e.StatusCode >= 500)
                    {
                        row.State = NudgeStates.Failed;
                        row.LastError = Describe(e);
                        failed++;
                    }
                    catch (SmtpCommandException e)
                    {
                        retrying += Retry(row, Describe(e)) ? 1 : 0;
                        failed += row.State == NudgeStates.Failed ? 1 : 0;
                    }
                    catch (MailNotSentException e)
                    {
                        retrying += Retry(row, e.Message) ? 1 : 0;
                    }
                    catch (Exception e) when (IsConnectionProblem(e))
                    {
                        // The connection broke while the message was being handed over: it may have arrived.
                        row.State = NudgeStates.Uncertain;
                        row.LastError = "outcome unknown, not resent: " + Describe(e);
                        uncertain++;
                        broken = true;
                    }
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }
        return new Result(sent, retrying, failed, uncertain);
    }

    /// <summary>Takes back claims whose node stopped: unsent ones return to the queue, half-sent ones are flagged.</summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        var expired = clock.GetCurrentInstant().ToUnixTimeMilliseconds() - (options.Value.ClaimLeaseSeconds * 1000L);
        await db.Nudges.Where(n => n.State == NudgeStates.Claimed && n.ClaimedUnixMs < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NudgeStates.Pending), cancellationToken);
        await db.Nudges.Where(n => n.State == NudgeStates.Sending && n.ClaimedUnixMs < expired)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.State, NudgeStates.Uncertain)
                .SetProperty(n => n.LastError, "the sending process stopped while handing this message to the mail server; check the server's log before resending"), cancellationToken);
    }

    /// <summary>Claims up to a batch of due rows in one statement, so two nodes never claim the same row.</summary>
    private async Task<List<long>> ClaimAsync(CancellationToken cancellationToken)
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

    /// <summary>Renders and stores each claimed message once; a retry sends the stored bytes with the same Message-ID.</summary>
    private async Task<List<Nudge>> PrepareAsync(List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Nudges.Where(n => ids.Contains(n.Id)).OrderBy(n => n.DueUnixMs).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var ready = new List<Nudge>();
        foreach (var row in rows)
        {
            if (row.Message is null)
            {
                var message = await RenderAsync(row, cancellationToken);
                if (message is null)
                {
                    row.State = NudgeStates.Retracted;
                    row.LastError = "the moment or the person no longer exists";
                    continue;
                }
                using var buffer = new MemoryStream();
                await message.WriteToAsync(buffer, cancellationToken);
                row.MessageId = message.MessageId;
                row.Message = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
            ready.Add(row);
        }
        await db.SaveChangesAsync(cancellationToken);
        return ready;
    }

    private async Task<MimeMessage?> RenderAsync(Nudge row, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == row.PersonId, cancellationToken);
        if (person is null)
        {
            return null;
        }
        var language = person.Language == "en" ? Language.En : Language.Nl;
        var token = await unsubscribe.TokenAsync(person.Id, cancellationToken);
        var messageId = $"{row.Kind}.{row.Id}@{feeds.Value.UidHost}";
        var now = clock.GetCurrentInstant();
        var day = FollowedMunicipalities.Local(row.Day);
        var followed = await db.FollowedMunicipalities.AsNoTracking().Include(m => m.Actuals).Include(m => m.Events)
            .Where(m => m.OrganisationId == person.OrganisationId).ToListAsync(cancellationToken);
        var shared = await Facts.PublicFactRows.ActualsAsync(db, followed.Select(m => m.Code).ToArray(), cancellationToken);
        if (row.Kind == NudgeKinds.Digest)
        {
            var all = followed.Select(m => MunicipalityCode.Parse(m.Code)).ToHashSet();
            var recipient = NudgeOutbox.Recipient(person, all);
            var window = new DateInterval(day, day.PlusDays(13));
            var coming = followed.Where(m => recipient.Municipalities.Contains(MunicipalityCode.Parse(m.Code)))
                .SelectMany(m => planner.Plan(m.ToProfile().WithPublicFacts(shared[m.Code]), window).Moments.Where(x => x.Start >= day && recipient.Wants(x)).Select(x => (new Municipality(MunicipalityCode.Parse(m.Code), m.Name), x)))
                .OrderBy(x => x.Item2.Start).ToList();
            return messages.Digest(person.Email, person.Name, language, coming, day, messageId, token, now);
        }
        var parts = row.Subject.Split('/');
        var municipality = followed.FirstOrDefault(m => m.Code == parts[0]);
        if (municipality is null || parts.Length < 3 || !int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var cycle))
        {
            return null;
        }
        // A cycle's moments lie within a few years of its election year (programmes before, midterm after).
        var around = new DateInterval(new LocalDate(cycle - 3, 1, 1), new LocalDate(cycle + 3, 12, 31));
        var moment = planner.Plan(municipality.ToProfile().WithPublicFacts(shared[municipality.Code]), around).Moments.FirstOrDefault(m => m.Key.ToString() == row.Subject);
        var lead = moment?.Definition.Nudges.FirstOrDefault(l => l.Id == row.LeadId);
        return moment is null || lead is null
            ? null
            : messages.Nudge(person.Email, person.Name, language, new Municipality(MunicipalityCode.Parse(municipality.Code), municipality.Name), moment, lead, day, messageId, token, now);
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
        row.NextAttemptUnixMs = (clock.GetCurrentInstant() + Backoff[row.Attempts - 1]).ToUnixTimeMilliseconds();
        return true;
    }

    private static bool IsConnectionProblem(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or MailKit.ServiceNotConnectedException
            or AuthenticationException or SslHandshakeException or TimeoutException or SmtpCommandException or OperationCanceledException;

    private static string Describe(Exception e) => e switch
    {
        SmtpCommandException c => $"mail server answered {(int)c.StatusCode} ({c.ErrorCode}): {c.Message}",
        AuthenticationException => "the mail server refused the login: check Mail:User, Mail:Password or Mail:AccessToken",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "The mail server refused Timing's login ({Reason}); nudges wait until Mail:User, Mail:Password or Mail:AccessToken is fixed")]
    private static partial void AuthenticationFailed(ILogger logger, string reason);
}
