using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;

namespace Timing.Tests.Storage;

/// <summary>
/// How a value is written to a column is decided in src/Timing/Storage alone: the rest of the code sees Instants,
/// LocalDates, enums and sets, never milliseconds or comma-separated text.
/// </summary>
public partial class StorageBoundaryTests
{
    private static readonly string Source = Path.Combine(TestPaths.RepositoryRoot, "src");

    private static readonly string Storage = Path.Combine(Source, "Timing", "Storage") + Path.DirectorySeparatorChar;

    /// <summary>Files outside Storage that split text on commas, and why that text is not stored.</summary>
    private static readonly Dictionary<string, string> SplitsOfTextThatIsNotStored = new(StringComparer.Ordinal)
    {
        ["Timing/Feeds/FeedQuery.cs"] = "reads ?audience=a,b and ?kind=a,b from a feed address",
        ["Timing/Feeds/FeedEndpoints.cs"] = "reads the Accept-Encoding and If-None-Match headers of a feed request",
    };

    /// <summary>Every C# and Razor file of the product outside Storage, as (path relative to src, line number, line).</summary>
    private static IEnumerable<(string File, int Number, string Text)> LinesOutsideStorage() =>
        Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.StartsWith(Storage, StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(Source, f).Replace(Path.DirectorySeparatorChar, '/'), i + 1, text)));

    [Fact]
    public void NoCodeOutsideStorage_TurnsInstantsIntoMilliseconds_OrNamesAMillisecondColumn()
    {
        string[] forbidden = ["FromUnixTimeMilliseconds", "ToUnixTimeMilliseconds", "UnixMs"];
        var found = LinesOutsideStorage().Where(l => forbidden.Any(f => l.Text.Contains(f, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Number}: {l.Text.Trim()}").ToList();
        Assert.True(found.Count == 0, "Instants are stored as milliseconds by the converter in Storage; use the Instant properties instead:\n" + string.Join('\n', found));
        Assert.NotEmpty(LinesOutsideStorage().Take(1));
    }

    [Fact]
    public void NoCodeOutsideStorage_SplitsCommaSeparatedText_ButWhatAFeedRequestSends()
    {
        var found = LinesOutsideStorage().Where(l => CommaSplit().IsMatch(l.Text) && !SplitsOfTextThatIsNotStored.ContainsKey(l.File))
            .Select(l => $"{l.File}:{l.Number}: {l.Text.Trim()}").ToList();
        Assert.True(found.Count == 0, "Stored lists are sets on the entities; Storage alone reads their text:\n" + string.Join('\n', found));
        Assert.All(SplitsOfTextThatIsNotStored.Keys, file => Assert.Contains(File.ReadLines(Path.Combine(Source, file)), line => CommaSplit().IsMatch(line)));
    }

    [Fact]
    public void EveryMillisecondColumn_IsAnInstant_AndNoEntityHoldsADateOnly()
    {
        using var db = new SqliteTimingDbContext(new DbContextOptionsBuilder<SqliteTimingDbContext>().UseSqlite("Data Source=:memory:").Options);
        var properties = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).ToList();
        var milliseconds = properties.Where(p => p.GetColumnName().EndsWith("UnixMs", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(milliseconds);
        Assert.All(milliseconds, p => Assert.True(p.ClrType == typeof(Instant) || p.ClrType == typeof(Instant?), $"{p.DeclaringType.DisplayName()}.{p.Name} is a {p.ClrType.Name}"));
        Assert.All(properties.Where(p => p.ClrType == typeof(Instant) || p.ClrType == typeof(Instant?)),
            p => Assert.EndsWith("UnixMs", p.GetColumnName(), StringComparison.Ordinal));
        Assert.DoesNotContain(properties, p => p.ClrType == typeof(DateOnly) || p.ClrType == typeof(DateOnly?));
        Assert.All(new[] { nameof(Person.Audiences), nameof(Person.Municipalities) },
            name => Assert.Equal(typeof(IReadOnlySet<string>), db.Model.FindEntityType(typeof(Person))!.FindProperty(name)!.ClrType));
    }

    /// <summary>A Split on a comma: .Split(',' …) or .Split(",", …).</summary>
    [GeneratedRegex("""\.Split\(\s*(',|",")""")]
    private static partial Regex CommaSplit();
}
