using Timing.Core.Cycle;

namespace Timing.Benchmarks;

/// <summary>The shipped rule files, copied beside the benchmarks at build time.</summary>
public static class BenchmarkRules
{
    public static CycleRules Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "config");
        var result = CycleConfigParser.Parse(File.ReadAllText(Path.Combine(dir, "cycle.json")), File.ReadAllText(Path.Combine(dir, "elections.json")));
        return result.Rules ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Problems));
    }
}
