using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Segmentation;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Tests.Segmentation;

/// <summary>The pipeline's segmentation adapter against the real segmentation service on a loopback port.</summary>
public sealed class RemoteSegmentationTests
{
    // Far more concurrent calls than a queue of one and a batch of one can hold, so some must be told to wait.
    private const int Burst = 12;

    [Fact]
    public async Task SegmentAsync_ServiceUp_ReturnsFullResolutionMatteFromTheModel()
    {
        var token = TestContext.Current.CancellationToken;
        await using var service = await SegmentationServiceInstance.StartAsync(null, token);
        using var adapter = new Adapter(service.Endpoint, SegmentationServiceInstance.ApiKey, options => options.UploadLongSide = 600);
        using var shot = Shot(1);

        using var result = await adapter.Segmenter.SegmentAsync(shot.Photo, Request(ProductComplexity.Complex), token);

        Assert.Equal("service:studio-tiny (CPU)", result.Segmenter);
        Assert.Equal((shot.Photo.Width, shot.Photo.Height), (result.Matte.Width, result.Matte.Height));
        Assert.InRange(MatteComparison.IoU(result.Matte, shot.Alpha), 0.9, 1.0);
        Assert.Single(adapter.Statuses, HttpStatusCode.OK);
    }

    [Fact]
    public async Task SegmentAsync_ServiceStoppedMidBatch_SimpleFallsBackComplexWaitsAndServiceComesBack()
    {
        var token = TestContext.Current.CancellationToken;
        await using var service = await SegmentationServiceInstance.StartAsync(null, token);
        using var adapter = new Adapter(service.Endpoint, SegmentationServiceInstance.ApiKey, options =>
        {
            options.MaxRetries = 1;
            options.RetryDelay = TimeSpan.FromMilliseconds(20);
            options.BreakerMinimumThroughput = 2;
            options.BreakDuration = TimeSpan.FromSeconds(1);
        });
        var batch = Enumerable.Range(0, 6).Select(i => (Shot: Shot(10 + i), Complexity: i % 2 == 0 ? ProductComplexity.Simple : ProductComplexity.Complex)).ToList();
        var names = new List<string>();
        var waiting = new List<int>();

        for (var i = 0; i < batch.Count; i++)
        {
            if (i == 2)
            {
                await service.StopAsync();
            }

            try
            {
                using var result = await adapter.Segmenter.SegmentAsync(batch[i].Shot.Photo, Request(batch[i].Complexity), token);
                names.Add(result.Segmenter);
            }
            catch (SegmentationUnavailableException)
            {
                waiting.Add(i);
            }
        }

        Assert.Equal(["service:studio-tiny (CPU)", "service:studio-tiny (CPU)"], names.Take(2));
        Assert.Equal(["classical (fallback: service unavailable)", "classical (fallback: service unavailable)"], names.Skip(2));
        Assert.Equal([3, 5], waiting);
        Assert.Equal(CircuitState.Open, adapter.Client.Circuit);

        await service.RestartAsync(token);
        await Task.Delay(TimeSpan.FromSeconds(1.2), token);
        using var recovered = await adapter.Segmenter.SegmentAsync(batch[3].Shot.Photo, Request(ProductComplexity.Complex), token);

        Assert.Equal("service:studio-tiny (CPU)", recovered.Segmenter);
        Assert.Equal(CircuitState.Closed, adapter.Client.Circuit);
        batch.ForEach(item => item.Shot.Dispose());
    }

    [Fact]
    public async Task SegmentAsync_ServiceOverloaded_WaitsOutRetryAfterAndEveryImageIsServed()
    {
        var token = TestContext.Current.CancellationToken;
        await using var service = await SegmentationServiceInstance.StartAsync(
            new Dictionary<string, string>
            {
                ["SegmentationService:DefaultModel"] = "studio-conv",
                ["Inference:MaxBatch"] = "1",
                ["SegmentationService:QueueCapacity"] = "1",
            },
            token);
        using var adapter = new Adapter(service.Endpoint, SegmentationServiceInstance.ApiKey, options =>
        {
            options.MaxRetries = 10;
            options.MaxRetryAfter = TimeSpan.FromSeconds(2);
        });
        using var shot = Shot(40);

        var results = await Task.WhenAll(Enumerable.Range(0, Burst).Select(async _ =>
        {
            using var result = await adapter.Segmenter.SegmentAsync(shot.Photo, Request(ProductComplexity.Complex), token);
            return result.Segmenter;
        }));

        Assert.All(results, name => Assert.Equal("service:studio-conv (CPU)", name));
        Assert.Contains(HttpStatusCode.TooManyRequests, adapter.Statuses);
        Assert.Equal(Burst, adapter.Statuses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(CircuitState.Closed, adapter.Client.Circuit);
    }

    [Fact]
    public async Task SegmentAsync_WrongApiKey_ThrowsRejectedInsteadOfFallingBack()
    {
        var token = TestContext.Current.CancellationToken;
        await using var service = await SegmentationServiceInstance.StartAsync(null, token);
        using var adapter = new Adapter(service.Endpoint, "not-the-key", _ => { });
        using var shot = Shot(50);

        var error = await Assert.ThrowsAsync<SegmentationRejectedException>(() => adapter.Segmenter.SegmentAsync(shot.Photo, Request(ProductComplexity.Simple), token));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Single(adapter.Statuses, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SegmentAsync_AlternateStrategyWithoutAlternateModel_RunsClassicalFinePassLocally()
    {
        var token = TestContext.Current.CancellationToken;
        await using var service = await SegmentationServiceInstance.StartAsync(null, token);
        using var adapter = new Adapter(service.Endpoint, SegmentationServiceInstance.ApiKey, _ => { });
        using var shot = Shot(60);

        using var result = await adapter.Segmenter.SegmentAsync(shot.Photo, Request(ProductComplexity.Complex, SegmentationStrategies.Alternate), token);

        Assert.Equal(ClassicalSegmentation.AlternateName, result.Segmenter);
        Assert.Empty(adapter.Statuses);
    }

    private static SegmentationRequest Request(ProductComplexity complexity, string strategy = SegmentationStrategies.Primary) =>
        new("job-under-test", strategy, complexity);

    private static StudioShot Shot(int seed) => StudioShotGenerator.Generate(new StudioShotSpec
    {
        Seed = seed,
        Width = 1200,
        Height = 900,
        Complexity = ProductComplexity.Simple,
        Category = "electronics",
        ContactShadow = false,
        Background = BackgroundKind.White,
    });

    /// <summary>The adapter wired as the host wires it, with a handler that records the status of every HTTP attempt.</summary>
    private sealed class Adapter : IDisposable
    {
        private readonly ServiceProvider services;
        private readonly ConcurrentQueue<HttpStatusCode> statuses = new();

        public Adapter(Uri endpoint, string apiKey, Action<RemoteSegmentationOptions> configure)
        {
            var options = new RemoteSegmentationOptions { Endpoint = endpoint, ApiKey = apiKey, RetryDelay = TimeSpan.FromMilliseconds(50) };
            configure(options);
            var collection = new ServiceCollection();
            collection.AddHttpClient(SegmentationServiceClient.HttpClientName).AddHttpMessageHandler(() => new StatusRecorder(statuses));
            services = collection.BuildServiceProvider();
            Client = new SegmentationServiceClient(services.GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System);
            Segmenter = new RemoteSegmentation(Client, options, new ClassicalSegmentation(), NullLogger<RemoteSegmentation>.Instance);
        }

        public SegmentationServiceClient Client { get; }

        public RemoteSegmentation Segmenter { get; }

        public IReadOnlyCollection<HttpStatusCode> Statuses => statuses;

        public void Dispose() => services.Dispose();
    }

    private sealed class StatusRecorder(ConcurrentQueue<HttpStatusCode> statuses) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            statuses.Enqueue(response.StatusCode);
            return response;
        }
    }
}
