using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.SegmentationService;

namespace ShelfReady.Benchmarks.Service;

/// <summary>
/// <c>segment-service [model] [seconds]</c>: the segmentation service in this process on a loopback port, loaded
/// by a real HttpClient (SocketsHttpHandler) at concurrency 1, 4 and 16 for <c>seconds</c> each (default 10),
/// with 800×600 studio JPEGs. Reports requests/s, p50/p95 latency, 429s and the batches formed. Without a model
/// it runs studio-tiny and studio-conv in turn. Client and server share the machine's cores.
/// </summary>
internal static class SegmentServiceLoad
{
    private const string ApiKey = "benchmark-key-0123456789";
    private static readonly int[] Concurrencies = [1, 4, 16];

    public static async Task RunAsync(string[] args)
    {
        string[] models = args.Length > 0 && args[0] != "all" ? [args[0]] : ["studio-tiny", "studio-conv"];
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var photos = Photos(8);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segment-service: 800x600 JPEGs, {seconds:0.#} s per level, MaxBatch 8, MaxBatchWait 10 ms, {Environment.ProcessorCount} cores shared by client and server"));
        foreach (var model in models)
        {
            await RunModelAsync(model, seconds, photos);
        }
    }

    private static async Task RunModelAsync(string model, double seconds, IReadOnlyList<byte[]> photos)
    {
        await using var app = SegmentationServiceApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Benchmark",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            $"--SegmentationService:ApiKeys:0={ApiKey}",
            $"--SegmentationService:Models:0={model}",
            $"--SegmentationService:DefaultModel={model}",
            "--SegmentationService:QueueCapacity=256",
        ]);
        await app.StartAsync();
        await using var clients = new ServiceCollection()
            .AddHttpClient("load")
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseCookies = false })
            .Services.BuildServiceProvider();
        using var client = clients.GetRequiredService<IHttpClientFactory>().CreateClient("load");
        client.BaseAddress = new Uri(app.Urls.Single());
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        await MeasureAsync(client, photos, 4, TimeSpan.FromSeconds(2));
        Console.WriteLine($"{model}:");
        foreach (var concurrency in Concurrencies)
        {
            var level = await MeasureAsync(client, photos, concurrency, TimeSpan.FromSeconds(seconds));
            Console.WriteLine(level.Describe(concurrency));
        }

        await app.StopAsync();
    }

    private static async Task<LevelResult> MeasureAsync(HttpClient client, IReadOnlyList<byte[]> photos, int concurrency, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var batches = new ConcurrentDictionary<string, Batch>(StringComparer.Ordinal);
        var rejected = 0;
        var failed = 0;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; Stopwatch.GetElapsedTime(started) < duration; i += concurrency)
            {
                using var content = new ByteArrayContent(photos[i % photos.Count]);
                content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(new Uri("/v1/segment", UriKind.Relative), content);
                _ = await response.Content.ReadAsByteArrayAsync();
                var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    latencies.Add(elapsed);
                    batches.TryAdd(response.Headers.GetValues("X-Batch-Id").Single(), Batch.From(response));
                }
                else if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref rejected);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        });
        await Task.WhenAll(workers);
        return new LevelResult([.. latencies.Order()], Stopwatch.GetElapsedTime(started), [.. batches.Values], rejected, failed);
    }

    private static List<byte[]> Photos(int count)
    {
        VipsRuntime.EnsureConfigured();
        return [.. Enumerable.Range(1, count).Select(seed =>
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 800, Height = 600, Seed = seed, Complexity = ProductComplexity.Simple });
            return shot.ToJpeg();
        })];
    }

    private sealed record Batch(int Size, double InferenceMs)
    {
        // X-Batch-Size, and the inference entry of Server-Timing ("queue;dur=..,inference;dur=..,total;dur=..").
        public static Batch From(HttpResponseMessage response)
        {
            var timing = response.Headers.GetValues("Server-Timing").Single().Split(',');
            var inference = timing.Single(t => t.StartsWith("inference;dur=", StringComparison.Ordinal))["inference;dur=".Length..];
            return new Batch(
                int.Parse(response.Headers.GetValues("X-Batch-Size").Single(), CultureInfo.InvariantCulture),
                double.Parse(inference, CultureInfo.InvariantCulture));
        }
    }

    private sealed record LevelResult(double[] Latencies, TimeSpan Elapsed, List<Batch> Batches, int Rejected, int Failed)
    {
        public string Describe(int concurrency) => Latencies.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"  c={concurrency,2}: no successful requests ({Rejected} x 429, {Failed} other)")
            : string.Create(CultureInfo.InvariantCulture,
                $"  c={concurrency,2}: {Latencies.Length / Elapsed.TotalSeconds,6:0.0} req/s, p50 {Percentile(0.50),6:0.0} ms, p95 {Percentile(0.95),6:0.0} ms, {Batches.Count} batches (mean size {Batches.Average(b => b.Size):0.00}, max {Batches.Max(b => b.Size)}, mean run {Batches.Average(b => b.InferenceMs):0.0} ms), {Rejected} x 429, {Failed} other");

        // Nearest-rank percentile over the sorted latencies.
        private double Percentile(double p) => Latencies[Math.Clamp((int)Math.Ceiling(p * Latencies.Length) - 1, 0, Latencies.Length - 1)];
    }
}
