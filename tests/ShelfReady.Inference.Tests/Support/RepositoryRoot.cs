namespace ShelfReady.Inference.Tests.Support;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Models => System.IO.Path.Combine(Path, "models");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
