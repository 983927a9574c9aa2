using Timing.Core.Meetings;

namespace Timing.Meetings;

/// <summary>
/// Reads meetings.json from the rule folder (or, when that folder has none, the one shipped beside the program,
/// so a folder made for older releases keeps working); every problem names the file, the rule and the field.
/// </summary>
public static class MeetingRulesLoader
{
    /// <param name="kinds">The moment kinds of the cycle rules, which the meeting rules name.</param>
    public static MeetingRulesResult Load(string directory, IReadOnlyCollection<string> kinds)
    {
        var path = Path.Combine(directory, MeetingRulesParser.File);
        var shipped = Path.Combine(AppContext.BaseDirectory, "config", MeetingRulesParser.File);
        if (!File.Exists(path) && File.Exists(shipped))
        {
            path = shipped;
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new MeetingRulesResult(null, [new Core.Cycle.ConfigProblem(path, "the file", "",
                $"cannot be read ({e.Message}); set Timing:ConfigDirectory (or --config-dir) to the folder that holds {MeetingRulesParser.File}.")]);
        }
        var result = MeetingRulesParser.Parse(text, kinds);
        return result with { Problems = result.Problems.Select(p => p with { File = path }).ToArray() };
    }
}
