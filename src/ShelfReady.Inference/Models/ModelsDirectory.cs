namespace ShelfReady.Inference.Models;

/// <summary>
/// Turns the configured models directory into an absolute one. A relative path is tried against the working
/// directory and the application's folder and then each of their parents, so a checkout's <c>models/</c> is
/// found whether a program runs from the repository root, its project folder or its build output.
/// </summary>
public static class ModelsDirectory
{
    /// <summary>The absolute models folder for a configured one (see the class summary).</summary>
    public static string Resolve(string configured)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        if (Path.IsPathRooted(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, configured);
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        // Not found anywhere: report it against the working directory, where a person would look first.
        return Path.GetFullPath(configured);
    }
}
