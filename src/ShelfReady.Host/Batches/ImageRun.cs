using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Batches;

/// <summary>One image of a run: its upload, its workflow and how it stands.</summary>
/// <param name="Upload">The uploaded file.</param>
/// <param name="JobId">Its job id.</param>
/// <param name="InstanceId">Its ProcessImage instance.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Outcome">The outcome once the workflow finished.</param>
/// <param name="Progress">The workflow's latest custom status.</param>
/// <param name="Failure">The engine's failure message when the workflow itself failed.</param>
public sealed record ImageRun(BlobPath Upload, string JobId, string InstanceId, ImageRunState State, ImageOutcome? Outcome, ImageProgress? Progress, string? Failure)
{
    /// <summary>Whether nothing more will happen without a person.</summary>
    public bool IsSettled => State != ImageRunState.Running;
}
