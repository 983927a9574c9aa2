using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Timing.Rules;

/// <summary>
/// Checks that each value of a section fits its setting (a number where a number belongs, a known choice, a cron
/// expression Hangfire can read) and says so in one line naming the setting, the value and what is allowed. The
/// section is bound only when every value fits, so the binder never fails with its own message first.
/// </summary>
public sealed class SettingKinds<T>(IConfigurationSection section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        SettingKinds.Problems(section, typeof(T)) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>The kind checks behind <see cref="SettingKinds{T}"/>, and the log levels, which Timing does not bind itself.</summary>
public static class SettingKinds
{
    /// <summary>One line per value in <paramref name="section"/> that the property of <paramref name="type"/> it sets cannot hold.</summary>
    public static IReadOnlyList<string> Problems(IConfigurationSection section, Type type)
    {
        var problems = new List<string>();
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
        return problems;
    }

    /// <summary>Logging:LogLevel:… and Logging:{provider}:LogLevel:… take a level name.</summary>
    public static IEnumerable<string> LogLevelProblems(IConfiguration settings) =>
        from entry in settings.GetSection("Logging").AsEnumerable(makePathsRelative: false)
        let parts = entry.Key.Split(ConfigurationPath.KeyDelimiter)
        where entry.Value is { } && parts.Length >= 3 && string.Equals(parts[^2], "LogLevel", StringComparison.OrdinalIgnoreCase)
            && !Enum.TryParse<LogLevel>(entry.Value, ignoreCase: true, out _)
        select $"{entry.Key} is '{entry.Value}'; expected one of {string.Join(", ", Enum.GetNames<LogLevel>())}.";

    /// <summary>What a value of this kind looks like, in words; null for kinds left to the binder (lists).</summary>
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
    /// Null when Hangfire accepts the expression, else the reason. Hangfire parses cron expressions with its own copy of
    /// Cronos: five fields, or six with seconds first, or a macro such as @hourly. The same parser checks them here.
    /// </summary>
    private static string? CronProblem(string expression)
    {
        var fields = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
        if (!expression.TrimStart().StartsWith('@') && fields is not (5 or 6))
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
            // Cronos names the field that is wrong ("Minutes: Value must be a number between 0 and 59").
            return $" ({e.Message.TrimEnd('.')})";
        }
    }
}
