namespace ShelfReady.SegmentationService.Tests.Infrastructure;

/// <summary>Paths in the checkout the tests run from.</summary>
public static class Repository
{
    /// <summary>The committed models directory, found upwards from the test binaries.</summary>
    public static string ModelsDirectory { get; } = FindModels();

    private static string FindModels()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "models");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No models/ directory beside Functions.sln above the test binaries.");
    }
}
