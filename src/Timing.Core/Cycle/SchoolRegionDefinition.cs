namespace Timing.Core.Cycle;

/// <summary>A school summer holiday region (the regions are staggered by a week), as config/cycle.json defines it.</summary>
public sealed record SchoolRegionDefinition(string Id, LocalizedText Name);
