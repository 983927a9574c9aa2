using Timing.Core.Cycle;

namespace Timing.Core.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Core_ReferencesNoAdapterLibrary()
    {
        // The cycle model stays pure: no web, database, job or mail library may creep into it.
        string[] forbidden = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Hangfire", "MailKit", "MimeKit", "Ical.Net", "Npgsql", "Microsoft.Data.Sqlite"];
        var references = typeof(CyclePlanner).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(references, name => forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal)));
        // JSON Schema checking is pure computation over text: it reads the rule files' shape, nothing outside the process.
        string[] allowed = ["NodaTime", "JsonSchema.Net", "JsonPointer.Net", "Json.More", "netstandard"];
        Assert.All(references, name => Assert.True(allowed.Contains(name) || name.StartsWith("System", StringComparison.Ordinal),
            $"Timing.Core references {name}; only NodaTime, the JSON Schema library and the base library are allowed."));
    }
}
