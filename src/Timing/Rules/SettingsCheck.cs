using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace Timing.Rules;

/// <summary>
/// Reads every setting Timing binds before anything binds it, so a value of the wrong kind (a word where a
/// number belongs, an unknown choice, a cron expression Hangfire cannot read) is reported as one line that
/// names the setting, the value and what is allowed, instead of failing deep inside start-up.
/// The ranges and cross-checks of each section stay with that section's own validation.
/// </summary>
public static class SettingsCheck
{
    /// <summary>The sections Timing binds to its options classes.</summary>
    private static readonly (string Section, Type Options)[] Sections =
    [
        (TimingOptions.Section, typeof(TimingOptions)),
        (Storage.StorageOptions.Section, typeof(Storage.StorageOptions)),
        (Feeds.FeedOptions.Section, typeof(Feeds.FeedOptions)),
        (Mail.MailOptions.Section, typeof(Mail.MailOptions)),
        (Web.WebOptions.Section, typeof(Web.WebOptions)),
        (Worker.WorkerOptions.Section, typeof(Worker.WorkerOptions)),
        (Meetings.MeetingsOptions.Section, typeof(Meetings.MeetingsOptions)),
        (Meetings.SourceDiscoveryOptions.Section, typeof(Meetings.SourceDiscoveryOptions)),
        (Metrics.MetricsOptions.Section, typeof(Metrics.MetricsOptions)),
    ];

    /// <summary>One line per setting whose value cannot be used; empty when every value fits its setting.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration settings)
    {
        var problems = new List<string>();
        foreach (var (section, type) in Sections)
        {
            CheckSection(settings.GetSection(section), type, problems);
        }
        CheckLogLevels(settings.GetSection("Logging"), problems);
        return problems;
    }

    private static void CheckSection(IConfigurationSection section, Type type, List<string> problems)
    {
        var defaults = Activator.CreateInstance(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
        {
            var value = section.GetSection(property.Name).Value;
            if (value is null)
            {
                continue;
            }
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var path = $"{section.Path}:{property.Name}";
            var fallback = Convert.ToString(property.GetValue(defaults), CultureInfo.InvariantCulture) ?? "";
            if (target == typeof(string))
            {
                if (property.Name.EndsWith("Cron", StringComparison.Ordinal) && CronProblem(value) is { } reason)
                {
                    problems.Add($"{path} is '{value}', which is not a cron expression{reason}; expected five fields " +
                        $"(minute hour day-of-month month day-of-week, Amsterdam time), e.g. '{fallback}' (the default).");
                }
            }
            else if (target.IsEnum)
            {
                if (!Enum.TryParse(target, value, ignoreCase: true, out var parsed) || !Enum.IsDefined(target, parsed!) || int.TryParse(value, out _))
                {
                    problems.Add($"{path} is '{value}'; expected one of {string.Join(", ", Enum.GetNames(target))} (default {fallback}).");
                }
            }
            else if (Describe(target) is { } expected && !Converts(target, value))
            {
                problems.Add($"{path} is '{value}'; expected {expected}, e.g. {fallback.ToLowerInvariant()} (the default).");
            }
        }
    }

    /// <summary>What a value of this kind looks like, in words; null for kinds the check leaves to the binder (lists).</summary>
    private static string? Describe(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) || type == typeof(decimal) ? "a number"
        : null;

    /// <summary>Converts as the configuration binder does: the type's converter with the invariant culture.</summary>
    private static bool Converts(Type type, string value)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// Null when Hangfire accepts the expression, else the reason in a few words. Hangfire parses cron expressions with
    /// its own copy of Cronos: five fields, or six with seconds first, or a macro such as @hourly. The same parser checks
    /// them here, before the worker registers its jobs.
    /// </summary>
    private static string? CronProblem(string expression)
    {
        var fields = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        var macro = expression.TrimStart().StartsWith('@');
        if (!macro && fields is not (5 or 6))
        {
            return $" (it has {fields} field{(fields == 1 ? "" : "s")})";
        }
        try
        {
            Cronos.CronExpression.Parse(expression, fields == 6 ? Cronos.CronFormat.IncludeSeconds : Cronos.CronFormat.Standard);
            return null;
        }
        catch (Cronos.CronFormatException e)
        {
            // Cronos says which field is wrong ("Minutes: Value must be a number between 0 and 59 (all inclusive)").
            const string Prefix = "The given cron expression has an invalid format. ";
            var detail = e.Message.StartsWith(Prefix, StringComparison.Ordinal) ? e.Message[Prefix.Length..] : e.Message;
            return $" ({detail.TrimEnd('.')})";
        }
    }

    /// <summary>Logging:LogLevel:… and Logging:{provider}:LogLevel:… take a level name.</summary>
    private static void CheckLogLevels(IConfigurationSection logging, List<string> problems)
    {
        foreach (var entry in logging.AsEnumerable(makePathsRelative: false))
        {
            var parts = entry.Key.Split(ConfigurationPath.KeyDelimiter);
            if (entry.Value is { } value && parts.Length >= 3 && string.Equals(parts[^2], "LogLevel", StringComparison.OrdinalIgnoreCase)
                && !Enum.TryParse<LogLevel>(value, ignoreCase: true, out _))
            {
                problems.Add($"{entry.Key} is '{value}'; expected one of {string.Join(", ", Enum.GetNames<LogLevel>())}.");
            }
        }
    }
}
