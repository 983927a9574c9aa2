namespace Timing.Core.Cycle;

/// <summary>A group a user can approach at a moment, as config/cycle.json defines it (e.g. "raadsleden" / "councillors").</summary>
public sealed record AudienceDefinition(string Id, LocalizedText Name);
