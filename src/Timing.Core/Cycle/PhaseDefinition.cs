namespace Timing.Core.Cycle;

/// <summary>A phase of the cycle (programmes, elections, formation…): a heading and a colour for moments.</summary>
/// <param name="Id">Stable id, e.g. "formation".</param>
/// <param name="Name">Display name, e.g. "Collegevorming" / "Forming the college".</param>
/// <param name="Colour">A CSS colour for pictures of the timeline.</param>
public sealed record PhaseDefinition(string Id, LocalizedText Name, string Colour);
