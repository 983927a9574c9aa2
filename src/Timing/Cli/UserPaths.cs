namespace Timing.Cli;

/// <summary>
/// A file named on the command line, found where the user meant it. <c>dotnet run --project src/Timing</c> runs the
/// program in the project's folder, not in the folder the command was typed in; the shell still says that folder in
/// PWD. A relative path that is no file here but is one there is taken from there.
/// </summary>
public static class UserPaths
{
    /// <summary>The full path of <paramref name="path"/> as the user meant it, or null when it is no file in either place.</summary>
    public static string? ExistingFile(string path)
    {
        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }
        if (Path.IsPathRooted(path) || Environment.GetEnvironmentVariable("PWD") is not { Length: > 0 } typedIn || !Path.IsPathRooted(typedIn))
        {
            return null;
        }
        var there = Path.GetFullPath(Path.Combine(typedIn, path));
        return File.Exists(there) ? there : null;
    }
}
