using System.Diagnostics;
using System.Globalization;

namespace ShelfReady.Benchmarks.Imaging;

/// <summary>
/// <c>studio-path [images]</c>: times the studio path per stage on distinct 12 MP photos and reports the
/// process's peak resident memory. Run it pinned to one core: <c>taskset -c 0 dotnet ... studio-path 20</c>.
/// </summary>
internal static class StudioPathStopwatch
{
    public static void Run(string[] args)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        NetVips.NetVips.Concurrency = 1;
        NetVips.Cache.Max = 0;
        var (files, generated) = BenchmarkPhotos.Get(Math.Min(images, 5));
        var photos = files.Select(File.ReadAllBytes).ToList();
        var path = new StudioPath();
        var stages = new double[StudioPath.Stages.Count];
        path.Run(photos[0], stages);
        var totals = new List<double>();
        var perStage = StudioPath.Stages.Select(_ => new List<double>()).ToList();
        for (var i = 0; i < images; i++)
        {
            path.Run(photos[i % photos.Count], stages);
            totals.Add(stages.Sum());
            for (var s = 0; s < stages.Length; s++)
            {
                perStage[s].Add(stages[s]);
            }
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"12 MP studio path, {images} images, libvips threads 1, {Environment.ProcessorCount} CPU(s) available"));
        for (var s = 0; s < perStage.Count; s++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {StudioPath.Stages[s],-45} median {Median(perStage[s]),7:0.0} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-45} median {Median(totals),7:0.0} ms, best {totals.Min():0.0} ms"));
        Console.WriteLine(generated
            ? "  peak memory not reported: this process generated the photos; run again to measure it"
            : string.Create(CultureInfo.InvariantCulture, $"  peak resident memory of the process {process.PeakWorkingSet64 / 1048576.0:0} MB"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
