using System.Text.Json;
using ShelfReady.Orchestration;

namespace ShelfReady.Host.Web;

/// <summary>A workflow as the status API shows it.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Workflow">ProcessImage or ProcessBatch.</param>
/// <param name="Status">Pending, Running, Completed, Failed or Terminated.</param>
/// <param name="CreatedAt">When it started (UTC).</param>
/// <param name="LastUpdatedAt">Its last change (UTC).</param>
/// <param name="Progress">Its custom status: stage, route and score.</param>
/// <param name="Output">Its result, once completed (details only).</param>
/// <param name="Failure">Why it failed, when it did.</param>
public sealed record JobSummary(
    string InstanceId,
    string Workflow,
    string Status,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    JsonElement? Progress,
    JsonElement? Output,
    string? Failure)
{
    /// <summary>The API's view of an engine status; the output only when asked for.</summary>
    public static JobSummary From(WorkflowStatus status, bool withOutput)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new JobSummary(
            status.InstanceId,
            status.Name,
            status.RuntimeStatus.ToString(),
            status.CreatedAt,
            status.LastUpdatedAt,
            Parse(status.SerializedCustomStatus),
            withOutput ? Parse(status.SerializedOutput) : null,
            status.FailureDetails?.ErrorMessage);
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
