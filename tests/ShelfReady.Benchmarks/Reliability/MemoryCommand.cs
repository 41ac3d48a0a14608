using System.Diagnostics;
using System.Globalization;
using NetVips;
using ShelfReady.Host.Storage;
using ShelfReady.Host.Tests.Web;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Benchmarks.Reliability;

/// <summary>
/// <c>memory [images] [megapixels] [tiff-MB] [budget-MB]</c>: drops 8 JPEGs at the 100 MP pixel cap and one 200 MB uncompressed
/// TIFF into <c>serve</c> (a child process, default settings, every default platform) at once, samples the host's
/// resident memory until every image has an outcome, and prints the peak (the kernel's VmHWM) and the outcomes.
/// With a budget, serve runs with <c>Engine:MemoryBudgetMB</c> set to it.
/// </summary>
internal static class MemoryCommand
{
    public static async Task RunAsync(string[] args)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var megapixels = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var tiffMegabytes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        int? budgetMegabytes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null;
        var root = Directory.CreateTempSubdirectory("shelfready-memory-").FullName;
        try
        {
            var store = new FolderBlobStore(Path.Combine(root, "storage"));
            await store.WriteAsync(WorkPaths.Settings("acme"), PipelineJson.Bytes(MerchantSettings.Default), CancellationToken.None);
            var bytesIn = await DropAsync(store, images, megapixels, tiffMegabytes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory: {images} JPEGs at {megapixels:0} MP and a {tiffMegabytes} MB TIFF ({bytesIn / 1e6:0} MB of uploads), serve with default settings{(budgetMegabytes is null ? "" : $" and a {budgetMegabytes} MB memory budget")} on {Environment.ProcessorCount} cores"));
            await MeasureAsync(root, images + 1, budgetMegabytes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<long> DropAsync(FolderBlobStore store, int images, double megapixels, int tiffMegabytes)
    {
        long total = 0;
        var width = (int)Math.Sqrt(megapixels * 1e6 * 4 / 3);
        for (var i = 0; i < images; i++)
        {
            var jpeg = Enlarged(new StudioShotSpec { Seed = 500 + i, Width = width / 4, Height = width * 3 / 16, Complexity = ProductComplexity.Simple, Category = "home" }, 4, image => image.JpegsaveBuffer(q: 90));
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"acme/memory/big-{i}.jpg"), jpeg, CancellationToken.None);
            total += jpeg.Length;
        }

        // An uncompressed 8-bit RGB TIFF holds 3 bytes a pixel.
        var tiffWidth = (int)Math.Sqrt(tiffMegabytes * 1e6 / 3 * 4 / 3);
        var tiff = Enlarged(new StudioShotSpec { Seed = 600, Width = tiffWidth / 4, Height = tiffWidth * 3 / 16, Complexity = ProductComplexity.Simple, Category = "home" }, 4, image => image.TiffsaveBuffer(compression: Enums.ForeignTiffCompression.None));
        await store.WriteAsync(new BlobPath(BlobContainers.Uploads, "acme/memory/print-master.tif"), tiff, CancellationToken.None);
        return total + tiff.Length;
    }

    private static byte[] Enlarged(StudioShotSpec spec, double scale, Func<Image, byte[]> encode)
    {
        using var shot = StudioShotGenerator.Generate(spec);
        using var large = shot.Photo.Resize(scale, kernel: Enums.Kernel.Linear);
        return encode(large);
    }

    private static async Task MeasureAsync(string root, int expected, int? budgetMegabytes)
    {
        var settings = budgetMegabytes is { } budget
            ? new Dictionary<string, string> { ["SHELFREADY_Engine__MemoryBudgetMB"] = budget.ToString(CultureInfo.InvariantCulture) }
            : null;
        using var host = ServeProcess.Start(root, settings);
        var elapsed = Stopwatch.StartNew();
        long peakSampled = 0;
        long peakKernel = 0;
        while (Outcomes(root).Count < expected && elapsed.Elapsed < TimeSpan.FromMinutes(60) && !host.HasExited)
        {
            var (rss, hwm) = ResidentKilobytes(host.Id);
            (peakSampled, peakKernel) = (Math.Max(peakSampled, rss), Math.Max(peakKernel, hwm));
            await Task.Delay(100);
        }

        var (_, finalHwm) = host.HasExited ? (0, 0) : ResidentKilobytes(host.Id);
        peakKernel = Math.Max(peakKernel, finalHwm);
        host.Kill(entireProcessTree: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak resident memory {peakKernel / 1024.0:0} MB (VmHWM; sampled every 100 ms: {peakSampled / 1024.0:0} MB), {elapsed.Elapsed.TotalMinutes:0.0} min for {expected} images"));
        foreach (var outcome in Outcomes(root))
        {
            Console.WriteLine($"  {outcome.Job.Source.FileName}: {outcome.Status}{(outcome.Reason is null ? "" : $" ({outcome.Reason})")}");
        }
    }

    private static List<ImageOutcome> Outcomes(string root)
    {
        var work = Path.Combine(root, "storage", BlobContainers.Work);
        return Directory.Exists(work)
            ? Directory.GetFiles(work, "outcome.json", SearchOption.AllDirectories).Select(f => PipelineJson.Read<ImageOutcome>(File.ReadAllBytes(f), f)).ToList()
            : [];
    }

    private static (long Rss, long Hwm) ResidentKilobytes(int pid)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            rss = line.StartsWith("VmRSS:", StringComparison.Ordinal) ? Kilobytes(line) : rss;
            hwm = line.StartsWith("VmHWM:", StringComparison.Ordinal) ? Kilobytes(line) : hwm;
        }

        return (rss, hwm);
    }

    private static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
