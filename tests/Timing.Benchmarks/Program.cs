using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Timing.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Timing.Benchmarks.BenchmarkRules).Assembly).Run(args);
