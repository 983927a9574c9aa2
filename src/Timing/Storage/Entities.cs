using Timing.Core.Cycle;
using Timing.Core.Nudges;

namespace Timing.Storage;

// The stored facts, in the domain's types: moments in time are Instants, days LocalDates, languages and nudge
// modes enums, lists sets. How each is written to a column is decided once, in TimingDbContext.

/// <summary>A welfare or social-work organisation that uses Timing.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public Instant Created { get; set; }

    public List<Person> People { get; set; } = [];

    public List<FollowedMunicipality> Municipalities { get; set; } = [];
}

/// <summary>Someone who signs in and receives a feed: a director (manages the organisation) or a member.</summary>
public sealed class Person
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    /// <summary>Lower-case e-mail address; unique across Timing.</summary>
    public required string Email { get; set; }

    public string Name { get; set; } = "";

    public Language Language { get; set; } = Language.Nl;

    /// <summary>director or member.</summary>
    public string Role { get; set; } = Roles.Member;

    /// <summary>The audience ids this person wants to hear about; empty means all.</summary>
    public IReadOnlySet<string> Audiences { get; set; } = StoredSets.Empty;

    /// <summary>The municipality codes this person follows; empty means all of the organisation's.</summary>
    public IReadOnlySet<string> Municipalities { get; set; } = StoredSets.Empty;

    /// <summary>How the person wants mail; <see cref="NudgeMode.None"/> when unsubscribed.</summary>
    public NudgeMode NudgeMode { get; set; } = NudgeMode.Each;

    /// <summary>
    /// The nudge mode the person had before unsubscribing through a mail link; null while subscribed.
    /// Only the person can undo their unsubscribe, which restores this mode.
    /// </summary>
    public NudgeMode? ModeBeforeUnsubscribe { get; set; }

    public Instant Created { get; set; }

    /// <summary>
    /// When the person agreed to mail from Timing (accepted the invitation, or opted in again on their own page);
    /// null while invited. Nothing but the one invitation is mailed before it. Directors added from the command
    /// line agreed by asking for their account.
    /// </summary>
    public Instant? Accepted { get; set; }

    /// <summary>When the invitation went out; null when none was sent (the address had opted out of all mail).</summary>
    public Instant? Invited { get; set; }

    /// <summary>
    /// The person set their reminders, audiences and municipalities themselves: from then on a director's edit
    /// leaves those choices alone.
    /// </summary>
    public bool OwnChoices { get; set; }

    /// <summary>
    /// Changes whenever this person's sessions must end (sign-out, another role); every sign-in cookie
    /// carries the value it was issued with, and a cookie with another value is refused.
    /// </summary>
    public string SecurityStamp { get; set; } = NewStamp();

    /// <summary>Operates this Timing instance (the background-job dashboard); independent of the organisation role.</summary>
    public bool IsOperator { get; set; }

    /// <summary>Ends every session of this person, on every node, at their next request.</summary>
    public void EndSessions() => SecurityStamp = NewStamp();

    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
}

/// <summary>
/// An address that asked for no mail from this instance, stored as the SHA-256 of its normalised form: it outlives
/// the person rows of the address, so removing and adding the address again, or another organisation adding it,
/// mails nothing until the person opts in again while signed in.
/// </summary>
public sealed class MailOptOut
{
    public required string AddressHash { get; set; }

    public Instant At { get; set; }
}

/// <summary>The two roles. Directors manage municipalities, dates and people; members read.</summary>
public static class Roles
{
    public const string Director = "director";
    public const string Member = "member";
}

/// <summary>A municipality an organisation follows, with the facts that differ from the defaults.</summary>
public sealed class FollowedMunicipality
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>1 January on which the municipality merges, if it does.</summary>
    public LocalDate? MergerDate { get; set; }

    /// <summary>noord, midden or zuid; empty when unknown.</summary>
    public string SchoolRegion { get; set; } = "";

    /// <summary>Raised on every change, so feeds and plans know to look again.</summary>
    public int Version { get; set; }

    public List<ActualDateRow> Actuals { get; set; } = [];

    public List<LocalEventRow> Events { get; set; } = [];
}

/// <summary>A real date for one moment of one cycle.</summary>
public sealed class ActualDateRow
{
    public int Id { get; set; }

    public int FollowedMunicipalityId { get; set; }

    public required string Kind { get; set; }

    public int Cycle { get; set; }

    public LocalDate Start { get; set; }

    public LocalDate End { get; set; }
}

/// <summary>An event the organisation added for a municipality.</summary>
public sealed class LocalEventRow
{
    public int Id { get; set; }

    public int FollowedMunicipalityId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The moment kind: "local-event" for a free event, or an entered kind such as "coalition-break".</summary>
    public string Kind { get; set; } = "local-event";

    public LocalDate Start { get; set; }

    public LocalDate End { get; set; }
}

/// <summary>The audit trail: who changed which date of which municipality, when, from what to what.</summary>
public sealed class DateChange
{
    public int Id { get; set; }

    public int FollowedMunicipalityId { get; set; }

    public int? PersonId { get; set; }

    public string PersonEmail { get; set; } = "";

    public Instant At { get; set; }

    /// <summary>What changed, e.g. "coalition-agreement/2026" or "merger-date".</summary>
    public required string Subject { get; set; }

    public string OldValue { get; set; } = "";

    public string NewValue { get; set; } = "";
}

/// <summary>A personal feed token, stored only as its SHA-256 hash.</summary>
public sealed class FeedToken
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public required string Hash { get; set; }

    public Instant Created { get; set; }

    public Instant? Revoked { get; set; }

    /// <summary>The token encrypted with ASP.NET Core data protection, so its owner can see the address again; never stored plain.</summary>
    public string? Protected { get; set; }
}

/// <summary>The organisation's audit lines that outlive the thing they describe, such as a municipality no longer followed.</summary>
public sealed class OrganisationChange
{
    public int Id { get; set; }

    public int OrganisationId { get; set; }

    public string PersonEmail { get; set; } = "";

    public Instant At { get; set; }

    /// <summary>What changed, e.g. "unfollow/GM0344".</summary>
    public required string Subject { get; set; }

    public string OldValue { get; set; } = "";

    public string NewValue { get; set; } = "";
}

/// <summary>A single-use sign-in link, stored only as its SHA-256 hash; valid for 15 minutes.</summary>
public sealed class SignInLink
{
    public int Id { get; set; }

    public int PersonId { get; set; }

    public required string Hash { get; set; }

    public Instant Expires { get; set; }

    public Instant? Used { get; set; }
}

/// <summary>An entry of the imported CBS municipality list.</summary>
public sealed class MunicipalityName
{
    public required string Code { get; set; }

    public required string Name { get; set; }
}

/// <summary>
/// The outbox: one row per nudge (person, moment, lead, day) or weekly digest. The planner adds and retracts
/// pending rows; the dispatcher claims due rows atomically, stores the rendered message with its Message-ID
/// before sending, and records the outcome. The database, not the job scheduler, decides what is sent.
/// </summary>
public sealed class Nudge
{
    public long Id { get; set; }

    public int PersonId { get; set; }

    /// <summary>nudge, speaking, daily or digest.</summary>
    public string Kind { get; set; } = NudgeKinds.Nudge;

    /// <summary>The moment key ("GM0344/election/2026"), or the week ("2026-W48") of a digest.</summary>
    public required string Subject { get; set; }

    /// <summary>The lead ("start-P14D"); empty for a digest.</summary>
    public string LeadId { get; set; } = "";

    /// <summary>The delivery day in Amsterdam.</summary>
    public LocalDate Day { get; set; }

    public Instant Due { get; set; }

    public string State { get; set; } = NudgeStates.Pending;

    public int Attempts { get; set; }

    /// <summary>Not before this moment (a retry's wait); the Unix epoch when the row may go at once.</summary>
    public Instant NextAttempt { get; set; } = Immediately;

    public string? MessageId { get; set; }

    /// <summary>The rendered MIME message, stored before the first send attempt so a retry sends the same bytes.</summary>
    public string? Message { get; set; }

    public string? LastError { get; set; }

    public string? ClaimedBy { get; set; }

    public Instant? Claimed { get; set; }

    public Instant? Sent { get; set; }

    public Instant Created { get; set; }

    /// <summary>The <see cref="NextAttempt"/> of a row that need not wait.</summary>
    public static Instant Immediately => NodaConstants.UnixEpoch;
}

public static class NudgeKinds
{
    public const string Nudge = "nudge";
    public const string Digest = "digest";

    /// <summary>A speaking-rights nudge about a committee meeting (subject "GM0344/meeting/123").</summary>
    public const string Speaking = "speaking";

    /// <summary>
    /// A person's one reminder mail of a day (subject "2027-03-17"): it carries the nudge and speaking rows of that
    /// person and day, which are never sent on their own and take its outcome once it has gone.
    /// </summary>
    public const string Daily = "daily";
}

/// <summary>The life of an outbox row.</summary>
public static class NudgeStates
{
    /// <summary>Waiting for its time (or for a retry).</summary>
    public const string Pending = "pending";

    /// <summary>Taken by a dispatcher, not yet handed to the mail server: safe to take again after the lease.</summary>
    public const string Claimed = "claimed";

    /// <summary>Handed to the mail server; the outcome is being recorded.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>Refused for good (5xx, rejected recipient) or out of retries.</summary>
    public const string Failed = "failed";

    /// <summary>The connection broke after the message was handed over: it may or may not have arrived, so it is not resent.</summary>
    public const string Uncertain = "uncertain";

    /// <summary>No longer wanted: the moment moved or the person no longer follows it.</summary>
    public const string Retracted = "retracted";
}

/// <summary>A value the installation generates once and all nodes share, such as the key for unsubscribe links.</summary>
public sealed class AppSecret
{
    public required string Name { get; set; }

    public required string Value { get; set; }
}
