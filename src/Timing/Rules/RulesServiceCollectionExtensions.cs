using Microsoft.Extensions.Options;
using Timing.Core.Cycle;
using Timing.Municipalities;

namespace Timing.Rules;

/// <summary>Registers the clock, the validated rules, the planner and the municipality names.</summary>
public static class RulesServiceCollectionExtensions
{
    public static IServiceCollection AddTimingRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSettings<TimingOptions>(configuration, TimingOptions.Section);
        services.AddSingleton<RulesSource>();
        services.AddSingleton<IValidateOptions<TimingOptions>, TimingOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<RulesSource>().Load(sp.GetRequiredService<IOptions<TimingOptions>>().Value).Rules);
        services.AddSingleton(sp => sp.GetRequiredService<RulesSource>().Load(sp.GetRequiredService<IOptions<TimingOptions>>().Value).Municipalities);
        services.AddSingleton(sp => new CyclePlanner(sp.GetRequiredService<CycleRules>(), sp.GetRequiredService<IClock>()));
        services.AddSingleton<MunicipalityCatalog>();
        return services;
    }

    /// <summary>
    /// Runs the service; if start-up validation fails, or the address, a settings file or the database is
    /// unusable, prints what to fix instead of a stack trace and returns 1.
    /// </summary>
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(StartupProblems.MarkStarted);
        // Read before running: a host that failed to start has disposed its services.
        var settings = app.Configuration;
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartupProblems.Explain(e, settings) is { } line)
        {
            // Options that fail their validation are among these: one line per failed setting.
            await Console.Error.WriteLineAsync(line);
            return 1;
        }
    }
}

/// <summary>Loads the rule files and the municipality list once, for validation and for use.</summary>
public sealed class RulesSource
{
    private readonly Lock _lock = new();
    private Loaded? _loaded;

    public Loaded Load(TimingOptions options)
    {
        lock (_lock)
        {
            return _loaded ??= new Loaded(CycleRulesLoader.Load(options.ResolvedConfigDirectory), LoadList(options.ResolvedMunicipalitiesFile));
        }
    }

    private static (MunicipalityDirectory?, string?) LoadList(string path)
    {
        try
        {
            return (new MunicipalityDirectory(MunicipalityList.Load(path)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return (null, $"Timing:MunicipalitiesFile: {e.Message}");
        }
    }

    /// <summary>What was read: the rules or their problems, and the municipality names or the problem with the list.</summary>
    public sealed record Loaded(ConfigResult Result, (MunicipalityDirectory? Directory, string? Problem) List)
    {
        public CycleRules Rules => Result.Rules
            ?? throw new InvalidOperationException("The rule files are invalid: " + string.Join("; ", Result.Problems));

        public MunicipalityDirectory Municipalities => List.Directory ?? throw new InvalidOperationException(List.Problem);
    }
}

/// <summary>Start-up validation of the "Timing" settings, including the rule files they point at.</summary>
public sealed class TimingOptionsValidator(RulesSource source) : IValidateOptions<TimingOptions>
{
    public ValidateOptionsResult Validate(string? name, TimingOptions options)
    {
        var loaded = source.Load(options);
        var failures = loaded.Result.Problems.Select(p => p.ToString()).ToList();
        if (loaded.List.Problem is { } problem)
        {
            failures.Add(problem + " Set Timing:MunicipalitiesFile to a CSV (code,name) or CBS GeoJSON file, or leave it empty for the shipped CBS list of 2026.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
