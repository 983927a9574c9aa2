using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using Timing.Core.Cycle;

namespace Timing.Storage;

/// <summary>
/// How Timing looked for a followed municipality's meeting calendar by itself: what it found, or why nothing, and when
/// it looks again. One row per municipality. An operator who disconnects a source turns the search off, so a source
/// taken away on purpose does not come back by itself.
/// </summary>
[Table("meeting_source_discoveries")]
public sealed class MeetingSourceDiscovery
{
    /// <summary>Found: a source was connected. None: nothing answered or matched; looked for again at <see cref="NextTry"/>. Off: an operator decides.</summary>
    public const string Found = "found";

    public const string None = "none";

    public const string Off = "off";

    /// <summary>CBS code, e.g. GM0344.</summary>
    [Key]
    [MaxLength(6)]
    public required string Code { get; set; }

    /// <summary><see cref="Found"/>, <see cref="None"/> or <see cref="Off"/>.</summary>
    [MaxLength(10)]
    public string State { get; set; } = None;

    /// <summary>What the last search found or why it found nothing, in Dutch and English.</summary>
    public LocalizedText Note { get; set; } = MeetingSource.NoError;

    public Instant? Tried { get; set; }

    /// <summary>When to look again while nothing was found.</summary>
    public Instant NextTry { get; set; }
}
