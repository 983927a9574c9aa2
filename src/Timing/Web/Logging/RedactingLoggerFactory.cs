using System.Collections;

namespace Timing.Web.Logging;

/// <summary>
/// Wraps the logger factory so that every logger, whatever its category or provider, redacts personal
/// feed tokens from messages, structured values and scopes. Log levels stay as configured.
/// </summary>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The container owns the inner factory and disposes it.
    public void Dispose()
    {
    }

    /// <summary>Replaces the registered logger factory with a redacting one around it.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<LoggerFactory>(sp => new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<Microsoft.Extensions.Options.IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()));
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(sp.GetRequiredService<LoggerFactory>()));
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            inner.BeginScope(new RedactedState(state as IEnumerable<KeyValuePair<string, object?>>, TokenRedaction.Redact(state.ToString() ?? "")));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }
            var message = TokenRedaction.Redact(formatter(state, exception));
            inner.Log(logLevel, eventId, new RedactedState(state as IEnumerable<KeyValuePair<string, object?>>, message), exception, static (s, _) => s.ToString());
        }
    }

    /// <summary>A log state or scope with its text and its values redacted; structured providers still see the names.</summary>
    private sealed class RedactedState(IEnumerable<KeyValuePair<string, object?>>? values, string text) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values =
            values?.Select(v => new KeyValuePair<string, object?>(v.Key, TokenRedaction.Redact(v.Value))).ToArray() ?? [];

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public int Count => _values.Length;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => text;
    }
}
