using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Cli;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.EndToEnd;

/// <summary>
/// ProcessBatch on the real engine and a real store (a folder, or Azurite written to with the Azure SDK as a
/// merchant's tool would), with a loopback webhook receiver: a manifest it cannot understand is refused with a
/// reason and never delivered empty; a listed file that never arrives is reported missing at the deadline.
/// </summary>
public sealed class BatchManifestTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Merchant = "acme";
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly string root = Directory.CreateTempSubdirectory("shelfready-manifest-").FullName;
    private readonly string batch = $"b{Guid.NewGuid():N}"[..12];
    private readonly WebhookReceiver receiver = new();
    private ServiceProvider? services;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Refused => new()
    {
        { "Folder", """{"files": ["a.jpg", "b.jpg"]}""", "'files'" },
        { "AzureBlob", """{"files": ["a.jpg", "b.jpg"]}""", "'files'" },
        { "Folder", """{"images": []}""", "lists no images" },
        { "AzureBlob", """{"images": [{"file": "a.jpg", "colour": "red"}]}""", "'colour'" },
        { "Folder", "a.jpg\nb.jpg\n", "not a manifest" },
        { "AzureBlob", """{"images": [{"sku": "X1"}]}""", "has no \"file\"" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ProcessBatch_ManifestItCannotUnderstand_IsRefusedQuarantinedAndAnnouncedNotDelivered(string storage, string manifest, string reasonMentions)
    {
        var store = await StartAsync(storage);
        await DropManifestAsync(storage, manifest);

        var status = await RunBatchAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(WorkflowRuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Contains(reasonMentions, status.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
        var record = PipelineJson.Read<QuarantineRecord>(await store.ReadAsync(WorkPaths.QuarantineReason(ManifestPath), Token), "reason");
        Assert.Equal(CheckBatchActivity.RefusedCode, record.Code);
        Assert.Contains(reasonMentions, record.Reason, StringComparison.Ordinal);
        var hook = Assert.Single(receiver.Received);
        Assert.Equal($"batch.rejected_{Merchant}_{batch}", hook.Id);
        using var body = JsonDocument.Parse(hook.Body);
        Assert.Equal("batch.rejected", body.RootElement.GetProperty("type").GetString());
        Assert.Contains(reasonMentions, body.RootElement.GetProperty("data").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Null(await store.GetPropertiesAsync(WorkPaths.Package(Merchant, batch, "delivery.zip"), Token));
    }

    [Theory]
    [InlineData("Folder")]
    [InlineData("AzureBlob")]
    public async Task ProcessBatch_ListedFileNeverArrives_IsReportedMissingAtTheDeadline(string storage)
    {
        var store = await StartAsync(storage);
        await DropManifestAsync(storage, """{"images": [{"file": "ghost.jpg", "sku": "G1"}]}""");

        var status = await RunBatchAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(WorkflowRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(["ghost.jpg"], status.ReadOutputAs<PackageOutput>()!.Missing);
        Assert.NotNull(await store.GetPropertiesAsync(WorkPaths.Package(Merchant, batch, "delivery.zip"), Token));
        Assert.Equal($"batch.completed_{Merchant}_{batch}", Assert.Single(receiver.Received).Id);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.GetRequiredService<WorkflowEngine>().StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }

        await receiver.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    private BlobPath ManifestPath => new(BlobContainers.Uploads, $"{Merchant}/{batch}/manifest.json");

    private async Task<IBlobStore> StartAsync(string storage)
    {
        var settings = HostServices.UnderFolder(root);
        settings["Storage:Kind"] = storage;
        settings["Storage:ConnectionString"] = storage == "AzureBlob" ? azurite.ConnectionString : null;
        settings["Webhooks:Secrets:acme"] = Secret;
        services = HostServices.Build(settings);
        var store = services.GetRequiredService<IBlobStore>();
        var merchant = MerchantSettings.Default with { WebhookUrl = receiver.Url, WebhookSecretName = Merchant, AllowPrivateWebhookTargets = true };
        await store.WriteAsync(WorkPaths.Settings(Merchant), PipelineJson.Bytes(merchant), Token);
        await services.GetRequiredService<WorkflowEngine>().StartAsync(Token);
        return store;
    }

    // As a merchant drops it: a file into the folder, or an upload through the Azure SDK.
    private async Task DropManifestAsync(string storage, string manifest)
    {
        var bytes = Encoding.UTF8.GetBytes(manifest);
        if (storage == "AzureBlob")
        {
            var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(BlobContainers.Uploads);
            await container.CreateIfNotExistsAsync(cancellationToken: Token);
            await container.UploadBlobAsync(ManifestPath.Name, new BinaryData(bytes), Token);
            return;
        }

        var file = Path.Combine(root, "storage", BlobContainers.Uploads, Merchant, batch, "manifest.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, bytes, Token);
    }

    private async Task<WorkflowStatus> RunBatchAsync(TimeSpan deadline)
    {
        var engine = services!.GetRequiredService<WorkflowEngine>();
        var instanceId = JobIdentity.BatchInstanceId(Merchant, batch);
        await engine.ScheduleNewWorkflowAsync(WorkflowNames.ProcessBatch, new ProcessBatchInput(Merchant, batch, ManifestPath, TimeSpan.FromMilliseconds(200), deadline), instanceId, Token);
        return await engine.WaitForCompletionAsync(instanceId, Token);
    }
}
