using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Pipeline.Segmentation;

namespace ShelfReady.Functions.Http;

/// <summary>
/// Job status and health over HTTP, under <c>api/</c> as in <c>serve</c> (host.json sets no route prefix, so
/// each route names its own).
/// </summary>
/// <param name="services">Where the optional segmentation client is looked up for health.</param>
public sealed class StatusFunctions(IServiceProvider services)
{
    /// <summary>GET /api/jobs/{instanceId}: one job's runtime status, progress, output and failure.</summary>
    /// <param name="request">The request.</param>
    /// <param name="instanceId">The workflow instance id.</param>
    /// <param name="client">The Durable client.</param>
    /// <returns>200 with the job, or 404.</returns>
    [Function("JobStatus")]
    public static async Task<IActionResult> JobStatusAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "api/jobs/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var found = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (found is null)
        {
            return new NotFoundObjectResult(new { error = $"No job '{instanceId}'." });
        }

        return new OkObjectResult(new
        {
            instanceId = found.InstanceId,
            name = found.Name,
            runtimeStatus = found.RuntimeStatus.ToString(),
            createdAt = found.CreatedAt,
            lastUpdatedAt = found.LastUpdatedAt,
            progress = Parse(found.SerializedCustomStatus),
            output = Parse(found.SerializedOutput),
            failure = found.FailureDetails?.ErrorMessage,
        });
    }

    /// <summary>GET /api/health: the app is up, and which segmenter it cuts out with.</summary>
    /// <param name="request">The request.</param>
    /// <returns>200 with the segmenter and its circuit.</returns>
    [Function("Health")]
    public IActionResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new OkObjectResult(new
        {
            status = "ok",
            segmentation = services.GetService<SegmentationServiceClient>() is { } segmentation
                ? new { endpoint = segmentation.Endpoint.AbsoluteUri, circuit = segmentation.Circuit.ToString() }
                : new { endpoint = "in-process classical segmenter", circuit = "none" },
        });
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
