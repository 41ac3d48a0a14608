using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Batches;

/// <summary>A finished run: every image's state and the delivery package.</summary>
/// <param name="Merchant">The merchant.</param>
/// <param name="Batch">The batch.</param>
/// <param name="Images">One entry per uploaded image, in name order.</param>
/// <param name="Package">The delivery package.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record BatchRunResult(string Merchant, string Batch, IReadOnlyList<ImageRun> Images, PackageOutput Package, TimeSpan Elapsed)
{
    /// <summary>Count of images in a state.</summary>
    public int Count(ImageRunState state) => Images.Count(image => image.State == state);
}
