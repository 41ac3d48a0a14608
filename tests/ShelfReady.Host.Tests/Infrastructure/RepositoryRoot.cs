namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder holding Functions.sln) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}.");
    }
}
