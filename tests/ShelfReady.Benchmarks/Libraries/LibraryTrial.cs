using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NetVips;

namespace ShelfReady.Benchmarks.Libraries;

/// <summary>
/// <c>imaging-libraries-trial library runs photo</c>: the child process of <c>imaging-libraries</c>. It loads
/// one library only, so its peak resident memory is that library's (plus the runtime's, which the
/// <c>baseline</c> trial measures alone), and prints a <see cref="TrialResult"/> as its last line.
/// </summary>
internal static class LibraryTrial
{
    public const string Command = "imaging-libraries-trial";

    /// <summary>The trials, in the order they are reported; <c>baseline</c> only reads the photo.</summary>
    public static IReadOnlyList<string> Libraries { get; } = ["baseline", "imagesharp", "netvips-sequential", "netvips-random"];

    private const int WarmUpRuns = 2;

    public static void Run(string[] args)
    {
        var library = args[0];
        var runs = int.Parse(args[1], CultureInfo.InvariantCulture);
        var photo = File.ReadAllBytes(args[2]);
        var result = Create(library) is { } subject
            ? Measure(library, subject, photo, runs)
            : new TrialResult(library, 0, 0, 0, 0, 0, 0, PeakResidentBytes());
        Console.WriteLine(JsonSerializer.Serialize(result));
    }

    private static IImagingLibrary? Create(string library)
    {
        switch (library)
        {
            case "baseline":
                return null;
            case "imagesharp":
                return new ImageSharpLibrary();
            case "netvips-sequential" or "netvips-random":
                // As the studio path benchmark: one libvips thread, and no operation cache carrying pixels over.
                NetVips.NetVips.Concurrency = 1;
                Cache.Max = 0;
                return new NetVipsLibrary(library == "netvips-random" ? Enums.Access.Random : Enums.Access.Sequential);
            default:
                throw new ArgumentException($"Unknown library '{library}'; expected one of {string.Join(", ", Libraries)}.", nameof(library));
        }
    }

    private static TrialResult Measure(string library, IImagingLibrary subject, byte[] photo, int runs)
    {
        var jpeg = Time(() => subject.ResizeToJpeg(photo), runs);
        var webp = Time(() => subject.ResizeToWebp(photo), runs);
        return new TrialResult(library, jpeg.Wall, webp.Wall, jpeg.Cpu, webp.Cpu, jpeg.Last.Length, webp.Last.Length, PeakResidentBytes());
    }

    // CPU time beside wall time: on a shared machine the wall clock also counts the time other processes held
    // the core, the process's CPU time does not.
    private static (double Wall, double Cpu, byte[] Last) Time(Func<byte[]> job, int runs)
    {
        var last = Array.Empty<byte>();
        for (var i = 0; i < WarmUpRuns; i++)
        {
            last = job();
        }

        var wall = new List<double>(runs);
        var cpu = new List<double>(runs);
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            last = job();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        return (Median(wall), Median(cpu), last);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    // Process.PeakWorkingSet64 is VmHWM on Linux, the same figure studio-path reports.
    private static long PeakResidentBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
