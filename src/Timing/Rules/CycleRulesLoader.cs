using Timing.Core.Cycle;

namespace Timing.Rules;

/// <summary>Reads the rule files from a folder; every problem names the file, the item and the field.</summary>
public static class CycleRulesLoader
{
    public static ConfigResult Load(string directory)
    {
        var problems = new List<ConfigProblem>();
        var cycle = Read(directory, CycleConfigParser.CycleFile, problems);
        var elections = Read(directory, CycleConfigParser.ElectionsFile, problems);
        if (cycle is null || elections is null)
        {
            return new ConfigResult(null, problems);
        }
        var result = CycleConfigParser.Parse(cycle, elections);
        var located = result.Problems.Select(p => p with { File = Path.Combine(directory, p.File) }).ToArray();
        return result with { Problems = located };
    }

    private static string? Read(string directory, string file, List<ConfigProblem> problems)
    {
        var path = Path.Combine(directory, file);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigProblem(path, "the file", "",
                $"cannot be read ({e.Message}); set Timing:ConfigDirectory (or --config-dir) to the folder that holds {CycleConfigParser.CycleFile} and {CycleConfigParser.ElectionsFile}."));
            return null;
        }
    }
}
