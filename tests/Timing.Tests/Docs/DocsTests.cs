using Microsoft.Extensions.DependencyInjection;
using System.Reflection;
using System.Text.RegularExpressions;
using Timing.Tests.Cli;

namespace Timing.Tests.Docs;

/// <summary>
/// The README and the manual in docs/ name commands, settings and paths; a reader who copies one must find it.
/// These tests read every page and check each name against the product itself, so the docs cannot drift.
/// </summary>
public partial class DocsTests
{
    private static readonly string Root = TestPaths.RepositoryRoot;

    /// <summary>Paths the service creates when it first runs; a clone does not hold them.</summary>
    private static readonly string[] MadeAtRunTime = ["src/Timing/mail-pickup", "src/Timing/data"];

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md" };
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }
        return pages;
    }

    [Fact]
    public void Readme_StaysShort_SoTheManualLivesInDocs()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md")).Length;
        Assert.True(lines <= 150, $"README.md has {lines} lines; move detail into docs/ (at most about 150).");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Links_PointAtFilesAndHeadingsThatExist(string page)
    {
        var text = File.ReadAllText(Path.Combine(Root, page));
        var folder = Path.GetDirectoryName(Path.Combine(Root, page))!;
        var broken = new List<string>();
        foreach (Match link in MarkdownLink().Matches(text))
        {
            var target = link.Groups["target"].Value;
            if (target.StartsWith("http", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }
            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash >= 0 ? target[..hash] : target;
            var anchor = hash >= 0 ? target[(hash + 1)..] : "";
            var path = file.Length == 0 ? Path.Combine(Root, page) : Path.GetFullPath(Path.Combine(folder, file));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                broken.Add($"{target} (no such file)");
            }
            else if (anchor.Length > 0 && File.Exists(path) && !Anchors(File.ReadAllText(path)).Contains(anchor))
            {
                broken.Add($"{target} (no such heading)");
            }
        }
        Assert.True(broken.Count == 0, $"{page} links to: {string.Join("; ", broken)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void RepositoryPaths_Exist(string page)
    {
        var text = File.ReadAllText(Path.Combine(Root, page));
        var missing = CodeSpans(text)
            .Select(span => span.Split(' ', 2)[0].TrimEnd('.', ',', ':', ';', ')'))
            .Where(span => RepositoryPath().IsMatch(span) && !span.Contains('<', StringComparison.Ordinal) && !span.Contains('*', StringComparison.Ordinal))
            .Where(path => !MadeAtRunTime.Any(made => path.StartsWith(made, StringComparison.Ordinal)))
            .Where(path => !File.Exists(Path.Combine(Root, path)) && !Directory.Exists(Path.Combine(Root, path)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, $"{page} names paths that do not exist: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Settings_AreSettingsOfTheProduct(string page)
    {
        var known = KnownSettings();
        var sections = known.Select(k => k.Split(':')[0]).ToHashSet(StringComparer.Ordinal);
        var text = File.ReadAllText(Path.Combine(Root, page));
        var unknown = CodeSpans(text)
            .SelectMany(span => Setting().Matches(span).Select(m => m.Value))
            // A list entry or a nested value (Web:Operators:0) belongs to its setting.
            .Where(setting => sections.Contains(setting.Split(':')[0]) && !known.Any(k => setting == k || setting.StartsWith(k + ":", StringComparison.Ordinal) || k.StartsWith(setting + ":", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(unknown.Count == 0, $"{page} names settings that no options class has: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Commands_AreCommandsOfTheProgram(string page)
    {
        var text = File.ReadAllText(Path.Combine(Root, page));
        var failing = new List<string>();
        foreach (var words in Commands(text).Distinct())
        {
            var (exit, _, error) = CliRunner.Run([.. words.Split(' '), "--help"]);
            if (exit != 0)
            {
                failing.Add($"timing {words}: {error.Trim()}");
            }
        }
        Assert.True(failing.Count == 0, $"{page} names commands the program does not know: {string.Join(" | ", failing)}");
    }

    /// <summary>
    /// The verb and sub-verbs of every <c>timing …</c> or <c>dotnet run -- …</c> in code: the words before the first
    /// option or argument, so <c>timing meetings source GM0344 --ics URL</c> is checked as <c>meetings source</c>.
    /// </summary>
    private static IEnumerable<string> Commands(string text)
    {
        foreach (var match in CodeSpans(text).SelectMany(span => CommandLine().Matches(span)))
        {
            var words = match.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .TakeWhile(w => VerbWord().IsMatch(w) && !w.Contains('.', StringComparison.Ordinal))
                .Take(2)
                .ToList();
            if (words.Count > 0 && words[0] != "serve")
            {
                // A second word is a sub-verb only where the verb has sub-verbs; otherwise it is an argument.
                var withSub = string.Join(' ', words);
                yield return words.Count == 2 && CliRunner.Run(words[0], words[1], "--help").Exit == 0 ? withSub : words[0];
            }
        }
    }

    private static HashSet<string> KnownSettings()
    {
        // The sections the service registers, each beside its options class.
        using var factory = new TimingFactory();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (section, type) in factory.Services.GetServices<Timing.Rules.SettingsSection>())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                known.Add($"{section}:{property.Name}");
            }
        }
        return known;
    }

    private static IEnumerable<string> CodeSpans(string text)
    {
        foreach (Match span in InlineCode().Matches(text))
        {
            yield return span.Groups[1].Value;
        }
        foreach (Match block in CodeBlock().Matches(text))
        {
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                yield return line.Trim();
            }
        }
    }

    /// <summary>GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static HashSet<string> Anchors(string markdown) =>
        Heading().Matches(markdown)
            .Select(m => AnchorPunctuation().Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^(src|tests|config|docs|\.ci)/[\w./-]*$")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex(@"\b(Timing|Storage|Feeds|Mail|Web|Worker|Meetings|Metrics|Health|Logging)(:[A-Z]\w+)+")]
    private static partial Regex Setting();

    [GeneratedRegex(@"(?:^|&&\s*|;\s*|\$\s+)(?:timing|dotnet run --|dotnet run --project src/Timing --)\s+(?<rest>[^`\n|]*)", RegexOptions.Multiline)]
    private static partial Regex CommandLine();

    [GeneratedRegex(@"^[a-z][a-z-]*$")]
    private static partial Regex VerbWord();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"```[a-z]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N}\s-]")]
    private static partial Regex AnchorPunctuation();
}
