using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using ShelfReady.Functions.Composition;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Functions.Triggers;

/// <summary>
/// The Event Grid blob trigger on <c>uploads/{merchant}/{batch}/{name}</c>: ProcessImage for an image, ProcessBatch
/// for the batch's manifest.json, nothing for a sidecar. Instance ids are derived as the host derives them
/// (<see cref="JobIdentity"/>), so the duplicate BlobCreated deliveries Event Grid makes start nothing new.
/// </summary>
/// <param name="options">The app's settings (batch polling and deadline).</param>
public sealed class UploadTrigger(IOptions<FunctionsOptions> options)
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "OnUpload";

    /// <summary>The connection setting the trigger and the Durable storage provider use.</summary>
    public const string Connection = "ShelfReadyStorage";

    /// <summary>Starts the upload's workflow unless an instance with its id already exists.</summary>
    /// <param name="content">The blob's bytes: the job id hashes them.</param>
    /// <param name="merchant">The merchant folder.</param>
    /// <param name="batch">The batch folder.</param>
    /// <param name="name">The rest of the blob name.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    /// <returns>The instance id started, or <see langword="null"/> when nothing was started.</returns>
    [Function(FunctionName)]
    public async Task<string?> RunAsync(
        [BlobTrigger("uploads/{merchant}/{batch}/{name}", Source = BlobTriggerSource.EventGrid, Connection = Connection)] byte[] content,
        string merchant,
        string batch,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(client);
        var path = new BlobPath(BlobContainers.Uploads, $"{merchant}/{batch}/{name}");
        return UploadRules.Classify(path) switch
        {
            UploadKind.Manifest => await StartOnceAsync(
                client,
                WorkflowNames.ProcessBatch,
                JobIdentity.BatchInstanceId(merchant, batch),
                new ProcessBatchInput(merchant, batch, path, options.Value.BatchPollInterval, options.Value.BatchDeadline),
                cancellationToken).ConfigureAwait(false),
            UploadKind.Image => await StartImageAsync(client, path, merchant, batch, content, cancellationToken).ConfigureAwait(false),
            _ => null,
        };
    }

    private static Task<string?> StartImageAsync(DurableTaskClient client, BlobPath path, string merchant, string batch, byte[] content, CancellationToken cancellationToken)
    {
        var jobId = JobIdentity.JobId(path.Name, JobIdentity.ContentHash(content));
        return StartOnceAsync(client, WorkflowNames.ProcessImage, JobIdentity.ImageInstanceId(jobId), new ProcessImageInput(jobId, merchant, batch, path), cancellationToken);
    }

    // Durable Functions lets a start overwrite a finished instance, so an existing id is checked first; two
    // deliveries racing past that check meet at the store, and the loser sees the winner's instance.
    private static async Task<string?> StartOnceAsync(DurableTaskClient client, string workflow, string instanceId, object input, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        try
        {
            return await client.ScheduleNewOrchestrationInstanceAsync(workflow, input, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) is null)
            {
                throw;
            }

            return null;
        }
    }
}
