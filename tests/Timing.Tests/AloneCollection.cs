namespace Timing.Tests;

/// <summary>
/// Tests that measure or change something the whole test process shares (managed memory, SQLite's connection
/// pools, a file's immutable attribute) run with no other test beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
