namespace ShelfReady.Host.Tests.Web;

/// <summary>
/// The test-sized chaos run: 40 images in 4 batches, <c>serve</c> killed with SIGKILL 4 times — during an export
/// write, a webhook delivery, at random and during packaging — and restarted; every guarantee must hold, and
/// no activity whose completion was committed before a kill may run again after it.
/// The 500-image, 20-kill version is the <c>chaos</c> benchmark.
/// </summary>
public sealed class ServeChaosTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-chaos-").FullName;

    [Fact]
    public async Task Serve_KilledDuringExportsWebhooksAndPackaging_EveryGuaranteeHolds()
    {
        var plan = new ChaosPlan(Images: 40, Batches: 4, Kills: 4, Width: 1000, Seed: 4242, FinishLimit: TimeSpan.FromMinutes(8));

        var report = await new ChaosRun(root, plan).RunAsync(TestContext.Current.CancellationToken);

        Assert.Empty(report.Problems);
        Assert.Equal(4, report.Kills.Count);
        Assert.Contains(report.Kills, kill => kill.StartsWith("during Export", StringComparison.Ordinal));
        Assert.Contains(report.Kills, kill => kill.StartsWith("during DeliverWebhook", StringComparison.Ordinal));
        Assert.Contains(report.Kills, kill => kill.StartsWith("during Package", StringComparison.Ordinal));
        Assert.InRange(report.Exported, 36, 40);
        Assert.Equal(report.Exported * 3, report.ExportFiles);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
