using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Timing.Storage;

/// <summary>
/// What a gathering source (OpenBesluitvorming) said about one municipality at the last read: which of its sources,
/// in what state, when it last imported the council's own system and the newest meeting it holds. One row per
/// municipality, replaced at every read that got a status; the public page shows it beside the source's own outcome.
/// </summary>
[Table("meeting_source_upstreams")]
public sealed class MeetingSourceUpstream
{
    /// <summary>CBS code, e.g. GM0344.</summary>
    [Key]
    [MaxLength(6)]
    public required string Code { get; set; }

    /// <summary>The source key at the gatherer, e.g. "utrecht".</summary>
    [MaxLength(100)]
    public string SourceKey { get; set; } = "";

    [MaxLength(200)]
    public string Label { get; set; } = "";

    /// <summary>The council's own system the gatherer reads: notubiz, ibabs …</summary>
    [MaxLength(50)]
    public string Supplier { get; set; } = "";

    /// <summary>ok, stale, failing, never_imported, not_implemented or discontinued.</summary>
    [MaxLength(30)]
    public string State { get; set; } = "";

    /// <summary>When the gatherer last imported the council's system successfully.</summary>
    public Instant? LastImport { get; set; }

    /// <summary>The newest meeting day the gatherer holds.</summary>
    public LocalDate? LatestContent { get; set; }

    /// <summary>Why the gatherer's last import failed, or who took over a discontinued municipality.</summary>
    [MaxLength(1000)]
    public string Message { get; set; } = "";

    /// <summary>When Timing read this status.</summary>
    public Instant Checked { get; set; }
}
