using Microsoft.Extensions.Options;

namespace Timing.Rules;

/// <summary>How each feature registers its settings: bound from their section, checked for kind, validated at start-up.</summary>
public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to the section <paramref name="name"/> when every value there fits its setting, and
    /// validates at start-up (a value of the wrong kind is one of the failures); the feature adds its own range rules.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration, string name) where T : class
    {
        var section = configuration.GetSection(name);
        services.AddSingleton(new SettingsSection(name, typeof(T)));
        services.AddSingleton<IValidateOptions<T>>(new SettingKinds<T>(section));
        return services.AddOptions<T>()
            .Configure(o =>
            {
                if (SettingKinds.Problems(section, typeof(T)).Count == 0)
                {
                    section.Bind(o);
                }
            })
            .ValidateOnStart();
    }

    /// <summary>
    /// The settings of every section registered so far that do not fit, one line each, plus unknown log levels: checked
    /// before the host is built, so nothing starts (no file is made, no job registered) on settings that cannot be used.
    /// </summary>
    public static IReadOnlyList<string> SettingProblems(this IServiceCollection services, IConfiguration configuration) =>
        services.Select(d => d.ImplementationInstance).OfType<SettingsSection>()
            .SelectMany(s => SettingKinds.Problems(configuration.GetSection(s.Name), s.Options))
            .Concat(SettingKinds.LogLevelProblems(configuration))
            .ToArray();

    /// <summary>
    /// The section bound to <typeparamref name="T"/> for decisions made while registering services (which job storage),
    /// or its defaults when a value there does not fit: start-up then stops on that value before the choice matters.
    /// </summary>
    public static T Read<T>(this IConfiguration configuration, string name) where T : class, new()
    {
        var section = configuration.GetSection(name);
        return SettingKinds.Problems(section, typeof(T)).Count == 0 ? section.Get<T>() ?? new T() : new T();
    }
}
