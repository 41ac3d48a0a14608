using System.Globalization;
using ShelfReady.Benchmarks.Imaging;

namespace ShelfReady.Benchmarks;

/// <summary>
/// Distinct 12 MP studio JPEGs cached in the temp folder, so a timed process never pays for (or counts the
/// memory of) generating them.
/// </summary>
internal static class BenchmarkPhotos
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "shelfready-bench-12mp");

    /// <summary>The photos, and whether any had to be generated in this process.</summary>
    public static (IReadOnlyList<string> Files, bool Generated) Get(int count)
    {
        Directory.CreateDirectory(Folder);
        var generated = false;
        var files = new List<string>();
        for (var seed = 1; seed <= count; seed++)
        {
            var file = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"studio-{seed:000}.jpg"));
            if (!File.Exists(file))
            {
                File.WriteAllBytes(file, StudioPath.TwelveMegapixelJpeg(seed));
                generated = true;
            }

            files.Add(file);
        }

        return (files, generated);
    }
}
