using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Batches;
using ShelfReady.Host.Cli;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline-throughput [images] [none|lzw|deflate]</c>: the whole pipeline on distinct 12 MP studio JPEGs with
/// all five platform profiles, on the embedded engine with every core, as <c>process</c> runs it. Reports
/// images per second, each stage's share of the activity time (from the engine's history) and the
/// process's peak resident memory.
/// </summary>
internal static class PipelineThroughput
{
    private const string Merchant = "bench";
    private const string Batch = "b1";

    public static async Task RunAsync(string[] args)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        var compression = args.Length > 1 ? args[1] : "deflate";
        var (files, generated) = BenchmarkPhotos.Get(images);
        var root = Directory.CreateTempSubdirectory("shelfready-throughput-").FullName;
        try
        {
            await using var services = HostServices.Build(HostServices.UnderFolder(root));
            var store = services.GetRequiredService<IBlobStore>();
            await PrepareAsync(store, files, compression);
            var engine = services.GetRequiredService<WorkflowEngine>();
            await engine.StartAsync();
            var result = await services.GetRequiredService<BatchRunner>().RunAsync(Merchant, Batch, null, CancellationToken.None);
            var stages = await StageTimesAsync(engine, result);
            await engine.StopAsync(CancellationToken.None);
            Report(result, stages, compression, generated);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task PrepareAsync(IBlobStore store, IReadOnlyList<string> files, string compression)
    {
        var overrides = JsonDocument.Parse($$"""{ "print_catalog": { "outputs": [ { "format": "tiff", "bitDepth": 16, "compression": "{{compression}}", "colorProfile": "adobe_rgb1998", "dpi": 300 } ] } }""").RootElement.Clone();
        var settings = MerchantSettings.Default with
        {
            Platforms = ["amazon_main", "amazon_secondary", "shopify", "google_shopping", "print_catalog"],
            PlatformOverrides = overrides,
        };
        await store.WriteAsync(WorkPaths.Settings(Merchant), PipelineJson.Bytes(settings), CancellationToken.None);
        foreach (var file in files)
        {
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"{Merchant}/{Batch}/{Path.GetFileName(file)}"), await File.ReadAllBytesAsync(file), CancellationToken.None);
        }
    }

    // Scheduled-to-completed time per activity name, summed over the batch: it includes waiting for a free
    // worker, so it shows where the batch's time goes rather than one call's service time.
    private static async Task<Dictionary<string, (int Calls, double Milliseconds)>> StageTimesAsync(WorkflowEngine engine, BatchRunResult result)
    {
        var stages = new Dictionary<string, (int Calls, double Milliseconds)>(StringComparer.Ordinal);
        foreach (var image in result.Images)
        {
            var history = await engine.GetHistoryAsync(image.InstanceId);
            var scheduled = history.Where(e => e.Type == HistoryEventType.ActivityScheduled).ToDictionary(e => e.TaskId);
            foreach (var done in history.Where(e => e.Type == HistoryEventType.ActivityCompleted && scheduled.ContainsKey(e.TaskId)))
            {
                var start = scheduled[done.TaskId];
                var (calls, milliseconds) = stages.GetValueOrDefault(start.Name!);
                stages[start.Name!] = (calls + 1, milliseconds + (done.Timestamp - start.Timestamp).TotalMilliseconds);
            }
        }

        return stages;
    }

    private static void Report(BatchRunResult result, Dictionary<string, (int Calls, double Milliseconds)> stages, string compression, bool generated)
    {
        using var process = Process.GetCurrentProcess();
        var exported = result.Count(ImageRunState.Exported);
        var seconds = result.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Images.Count} images of 12 MP, 5 profiles, print TIFF {compression}, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {exported} exported, {result.Count(ImageRunState.AwaitingReview)} awaiting review, {result.Count(ImageRunState.Failed)} failed in {seconds:0.0} s: {result.Images.Count / seconds:0.00} images/s"));
        var total = stages.Values.Sum(s => s.Milliseconds);
        foreach (var (name, (calls, milliseconds)) in stages.OrderByDescending(s => s.Value.Milliseconds))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {calls,4} calls, mean {milliseconds / calls,7:0} ms scheduled→done, {milliseconds / total,6:P1} of activity time"));
        }

        Console.WriteLine(generated
            ? "  peak memory not reported: this process generated the photos; run again to measure it"
            : string.Create(CultureInfo.InvariantCulture, $"  peak resident memory of the process {process.PeakWorkingSet64 / 1048576.0:0} MB"));
    }
}
