using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Segmentation;

namespace ShelfReady.Host.Web;

/// <summary>The always-on host's small HTTP API: health, the jobs list and one job's detail.</summary>
public static class StatusApi
{
    /// <summary>Maps <c>GET /health</c>, <c>GET /jobs[?status=Running]</c> and <c>GET /jobs/{instanceId}</c>.</summary>
    public static IEndpointRouteBuilder MapShelfReadyStatusApi(this IEndpointRouteBuilder endpoints)
    {
        // The segmentation circuit tells an operator at a glance whether cut-outs are falling back to classical.
        endpoints.MapGet("/health", (IServiceProvider services) => Results.Ok(new
        {
            status = "ok",
            segmentation = services.GetService<SegmentationServiceClient>() is { } client
                ? new { endpoint = client.Endpoint.AbsoluteUri, circuit = client.Circuit.ToString() }
                : new { endpoint = "in-process classical segmenter", circuit = "none" },
        }));
        endpoints.MapGet("/jobs", async (string? status, WorkflowClient workflows, CancellationToken cancellationToken) =>
        {
            WorkflowRuntimeStatus? filter = null;
            if (status is not null)
            {
                if (!Enum.TryParse<WorkflowRuntimeStatus>(status, ignoreCase: true, out var parsed))
                {
                    return Results.BadRequest(new { error = $"Unknown status '{status}'. Use one of: {string.Join(", ", Enum.GetNames<WorkflowRuntimeStatus>())}." });
                }

                filter = parsed;
            }

            var all = await workflows.ListAsync(filter, cancellationToken).ConfigureAwait(false);
            return Results.Ok(all.OrderByDescending(s => s.CreatedAt).Select(s => JobSummary.From(s, withOutput: false)));
        });
        endpoints.MapGet("/jobs/{instanceId}", async (string instanceId, WorkflowClient workflows, CancellationToken cancellationToken) =>
            await workflows.GetStatusAsync(instanceId, cancellationToken).ConfigureAwait(false) is { } found
                ? Results.Ok(JobSummary.From(found, withOutput: true))
                : Results.NotFound(new { error = $"No job '{instanceId}'." }));
        return endpoints;
    }
}
