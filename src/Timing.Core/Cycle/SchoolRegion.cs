namespace Timing.Core.Cycle;

/// <summary>The three regions whose school summer holidays are staggered by a week.</summary>
public enum SchoolRegion
{
    Noord,
    Midden,
    Zuid,
}
