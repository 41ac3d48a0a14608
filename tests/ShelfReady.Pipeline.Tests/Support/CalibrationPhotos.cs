namespace ShelfReady.Pipeline.Tests.Support;

/// <summary>
/// The real product photographs in <c>../shared/calibration</c> beside the repository (never copied into it):
/// their folder and manifest. Tests skip with a message where the folder is absent (a user's fresh clone) and
/// fail when <c>CI=true</c>, where it must be present.
/// </summary>
internal static class CalibrationPhotos
{
    /// <summary>The calibration folder, or a skip (a failure on CI) when it is absent.</summary>
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
                {
                    var folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "calibration"));
                    if (File.Exists(Path.Combine(folder, "MANIFEST.tsv")))
                    {
                        return folder;
                    }

                    break;
                }
            }

            const string Absent = "../shared/calibration (the real calibration photographs) is not beside the repository.";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), Absent);
            Assert.Skip(Absent);
            return string.Empty;
        }
    }

    /// <summary>Manifest rows: relative file, group and tags.</summary>
    public static IReadOnlyList<(string File, string Group, string[] Tags)> Manifest()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "MANIFEST.tsv"));
        var header = lines[0].Split('\t');
        int Column(string name) => Array.IndexOf(header, name);
        var (file, group, tags) = (Column("file"), Column("group"), Column("tags"));
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => (c[file], c[group], c[tags].Split(',', StringSplitOptions.RemoveEmptyEntries)))];
    }
}
