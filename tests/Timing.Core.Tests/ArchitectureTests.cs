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
        Assert.All(references, name => Assert.True(name == "NodaTime" || name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard",
            $"Timing.Core references {name}; only NodaTime and the base library are allowed."));
    }
}
