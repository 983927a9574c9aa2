namespace Timing.Meetings;

/// <summary>
/// How current a gathering source (OpenBesluitvorming) is about one municipality, as its own status says: which
/// of its sources it is, in what state, when it last imported the council's own system and the newest meeting it holds.
/// </summary>
/// <param name="SourceKey">The source's key at the gatherer, e.g. "utrecht".</param>
/// <param name="Label">The source's name there, e.g. "Utrecht".</param>
/// <param name="Supplier">The council's own system the gatherer reads, e.g. "notubiz" or "ibabs".</param>
/// <param name="State">The gatherer's word for the source: ok, stale, failing, never_imported, not_implemented or discontinued.</param>
/// <param name="LastImport">When the gatherer last read the council's system successfully.</param>
/// <param name="LatestContent">The newest meeting day the gatherer holds for the municipality.</param>
/// <param name="Message">Why the gatherer's last import failed, or who took over a discontinued municipality.</param>
public sealed record UpstreamFreshness(string SourceKey, string Label, string Supplier, string State, Instant? LastImport, LocalDate? LatestContent, string Message);
