using ShelfReady.Host.Storage;
using ShelfReady.Imaging;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Quality;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.EndToEnd;

public sealed class ExportSlotTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("shelfready-slots-").FullName;

    [Fact]
    public async Task Export_AmazonSecondaryNinthImage_IsRefusedAndNothingIsWritten()
    {
        var store = new FolderBlobStore(root);
        var job = new ProcessImageInput("job9", "acme", "b1", new BlobPath(BlobContainers.Uploads, "acme/b1/shoe.jpg"));
        var attempt = new CutOutAttempt(
            1,
            new SegmentOutput(WorkPaths.Mask("job9", 1), SegmentationStrategies.Primary, "classical"),
            new ComposeOutput(WorkPaths.Composite("job9", 1), WorkPaths.CompositeMask("job9", 1), 2048, 2048, 0.85, 1, 1, 1, new CompositeFrame(1, 0, 0, 0, 0)),
            new QcResult(100, 25, 25, 25, 25, QcVerdict.AutoApprove, [], []));
        var values = new Dictionary<string, string?> { ["sku"] = "SHOE", ["index"] = "9" };
        var input = new ExportInput(job, WorkPaths.Master("job9"), attempt, new AnalysisOutput(0.1, ProductComplexity.Simple, 0, 250, 250, 250), "amazon_secondary", values, MerchantSettings.Default);

        var error = await Assert.ThrowsAsync<ExportVerificationException>(() =>
            new ExportActivity(store, PlatformProfileCatalog.Builtin()).RunAsync(new ActivityContext("Export", "image-job9", TestContext.Current.CancellationToken), input));

        Assert.Contains("index 9 has no slot", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, BlobContainers.Exports)));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
