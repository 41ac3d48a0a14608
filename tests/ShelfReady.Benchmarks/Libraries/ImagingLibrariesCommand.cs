using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ShelfReady.Benchmarks.Libraries;

/// <summary>
/// <c>imaging-libraries [runs]</c>: ImageSharp 2.1 against NetVips on one 12 MP studio JPEG: median ms over
/// <c>runs</c> (after 2 warm-up runs) of decode + Lanczos3 resize to 2000 px + JPEG q95, and of the same with
/// WebP q85; each library in its own child process for its peak resident memory; then the bit-depth and ICC
/// facts. Pin it to one core: <c>taskset -c 0 dotnet ... imaging-libraries 10</c> (children inherit it).
/// </summary>
internal static class ImagingLibrariesCommand
{
    public static void Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        // Generated here, before any child starts, so no child's peak includes making the photo.
        var photo = BenchmarkPhotos.Get(1).Files[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imaging-libraries: 12 MP studio JPEG ({new FileInfo(photo).Length / 1e6:0.0} MB) → 2000 px, median of {runs} runs after 2 warm-ups (wall, and the process's CPU time), {Environment.ProcessorCount} CPU(s) available"));
        Console.WriteLine($"  {"library",-20} {"JPEG q95 ms",12} {"(CPU)",7} {"WebP q85 ms",12} {"(CPU)",7} {"JPEG KB",8} {"WebP KB",8} {"peak RSS MB",12}");
        foreach (var library in LibraryTrial.Libraries)
        {
            Print(RunChild(library, runs, photo));
        }

        Console.WriteLine("  (each row a child process; peak RSS is its VmHWM over both jobs; baseline only reads the photo)");
        LibraryFacts.Print(photo);
    }

    private static TrialResult RunChild(string library, int runs, string photo)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(LibraryTrial).Assembly.Location, LibraryTrial.Command, library, runs.ToString(CultureInfo.InvariantCulture), photo })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the trial process.");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"The {library} trial exited with {child.ExitCode}: {output}");
        }

        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonSerializer.Deserialize<TrialResult>(last) ?? throw new InvalidOperationException($"The {library} trial printed no result.");
    }

    private static void Print(TrialResult result) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Library,-20} {result.JpegMilliseconds,12:0.0} {result.JpegCpuMilliseconds,7:0} {result.WebpMilliseconds,12:0.0} {result.WebpCpuMilliseconds,7:0} {result.JpegBytes / 1024.0,8:0} {result.WebpBytes / 1024.0,8:0} {result.PeakResidentBytes / 1048576.0,12:0}"));
}
