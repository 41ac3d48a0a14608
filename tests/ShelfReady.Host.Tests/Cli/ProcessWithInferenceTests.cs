using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Cli;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;

namespace ShelfReady.Host.Tests.Cli;

/// <summary>
/// <c>process</c> configured for the cloud shape of the pipeline: cut-outs on the segmentation service (its own
/// process on a loopback port) and categories from the ONNX classifier when the merchant named none.
/// </summary>
public sealed class ProcessWithInferenceTests : IAsyncLifetime
{
    private const string ApiKey = "process-test-key-81d0";
    private readonly string photos = Directory.CreateTempSubdirectory("shelfready-photos-").FullName;
    private readonly string output = Directory.CreateTempSubdirectory("shelfready-out-").FullName;
    private readonly int port = FreePort.Next();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> serviceLog = new();
    private Process? service;

    public async ValueTask InitializeAsync()
    {
        var configuration = Path.GetFileName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(RepositoryRoot.Path, "artifacts", "bin", "ShelfReady.SegmentationService", configuration, "ShelfReady.SegmentationService.dll"),
                "--urls=" + Endpoint,
                "--SegmentationService:ApiKeys:0=" + ApiKey,
                "--Logging:LogLevel:Default=Warning",
            },
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        service = Process.Start(start)!;
        service.OutputDataReceived += (_, line) => serviceLog.Enqueue(line.Data ?? string.Empty);
        service.ErrorDataReceived += (_, line) => serviceLog.Enqueue(line.Data ?? string.Empty);
        service.BeginOutputReadLine();
        service.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    [Fact]
    public async Task Process_WithServiceAndClassifier_CutsOutOnServiceAndClassifiesUnlabelledPhotos()
    {
        WritePhotos(2);

        // This test is about the service path and the classifier; the tiny fixture model's masks are coarse enough
        // for QC (which judges them against the photo) to send them to a person, so the merchant ships on any score.
        var config = Directory.CreateDirectory(Path.Combine(output, "storage", "config", "acme")).FullName;
        File.WriteAllText(Path.Combine(config, "settings.json"), """{"thresholds": {"autoApprove": 0, "review": 0, "autoApproveMedium": true}}""");

        var exitCode = await ShelfReadyCli.Create().Parse(
        [
            "process", photos, "--merchant", "acme", "--platforms", "amazon_main", "--out", output,
            "--set", "Segmentation:Endpoint=" + Endpoint,
            "--set", "Segmentation:ApiKey=" + ApiKey,
            "--set", "Classifier:Model=colour-classifier",
            "--set", "Inference:ModelsDirectory=" + Path.Combine(RepositoryRoot.Path, "models"),
        ]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var outcomes = Directory.GetFiles(Path.Combine(output, "storage", "work"), "outcome.json", SearchOption.AllDirectories)
            .Select(file => JsonDocument.Parse(File.ReadAllBytes(file)).RootElement)
            .ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, outcome =>
        {
            Assert.Equal("exported", outcome.GetProperty("status").GetString());
            Assert.Equal("service:studio-tiny (CPU)", outcome.GetProperty("segmenter").GetString());
            Assert.StartsWith("classifier:colour-classifier:", outcome.GetProperty("categorySource").GetString(), StringComparison.Ordinal);
        });
    }

    public ValueTask DisposeAsync()
    {
        if (service is { HasExited: false })
        {
            service.Kill(entireProcessTree: true);
            service.WaitForExit();
        }

        service?.Dispose();
        Directory.Delete(photos, recursive: true);
        Directory.Delete(output, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string Endpoint => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");

    private async Task WaitUntilReadyAsync()
    {
        await using var clients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        using var client = clients.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.Timeout = TimeSpan.FromSeconds(2);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(Endpoint + "readyz"), TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                Assert.False(service!.HasExited, "The segmentation service exited during start-up: " + string.Join('\n', serviceLog));
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail("The segmentation service did not report ready within 30 s.");
    }

    private void WritePhotos(int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec
            {
                Seed = 700 + i,
                Width = 1200,
                Height = 900,
                Complexity = ProductComplexity.Simple,
                Category = "electronics",
                Background = BackgroundKind.White,
            });
            File.WriteAllBytes(Path.Combine(photos, $"item-{i}.jpg"), shot.ToJpeg());
        }
    }
}
