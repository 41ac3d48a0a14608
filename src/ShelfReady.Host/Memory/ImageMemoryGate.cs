using System.Collections.Concurrent;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Memory;

/// <summary>
/// Keeps the pipeline's image steps inside a <see cref="MemoryBudget"/>: each heavy activity reserves its image's
/// estimated working set before it runs. The size comes from the image's ingest (remembered per workflow
/// instance); before ingest, or for an instance this process has not seen ingest, the upload pixel cap is assumed,
/// which errs on the safe side.
/// </summary>
public sealed class ImageMemoryGate
{
    /// <summary>
    /// Peak bytes an image step holds per pixel of its image, decoders and managed copies included: `bench memory`
    /// measured 1,989 MB resident for serve taking 100 MP images one at a time, about 17.4 a pixel over the host's
    /// own ~250 MB.
    /// </summary>
    public const long BytesPerPixel = 18;

    // Sizes are only an estimate's input; forgetting them all now and then keeps a long-running host bounded.
    private const int RememberedImages = 10_000;

    private readonly MemoryBudget budget;
    private readonly long pixelCap;
    private readonly HashSet<string> heavy;
    private readonly ConcurrentDictionary<string, long> pixelsByInstance = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="ImageMemoryGate"/> class.</summary>
    /// <param name="budget">The budget the image steps share.</param>
    /// <param name="pixelCap">The most pixels an upload may have.</param>
    /// <param name="heavyActivities">The activities that hold full-resolution images.</param>
    public ImageMemoryGate(MemoryBudget budget, long pixelCap, IEnumerable<string> heavyActivities)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelCap, 1);
        (this.budget, this.pixelCap) = (budget, pixelCap);
        heavy = new HashSet<string>(heavyActivities, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Wraps an activity: heavy ones reserve memory while they run, and ingest tells the image's size.</summary>
    /// <param name="name">The activity's registered name.</param>
    /// <param name="activity">The activity.</param>
    /// <returns>The wrapped activity, or <paramref name="activity"/> when it holds no images.</returns>
    public IActivity Wrap(string name, IActivity activity) =>
        heavy.Contains(name) ? new GatedActivity(this, activity) : activity;

    private long EstimateBytes(string instanceId) => pixelsByInstance.GetValueOrDefault(instanceId, pixelCap) * BytesPerPixel;

    private void Remember(string instanceId, object? output)
    {
        if (output is IngestOutput { Accepted: true } ingest)
        {
            if (pixelsByInstance.Count >= RememberedImages)
            {
                pixelsByInstance.Clear();
            }

            pixelsByInstance[instanceId] = (long)ingest.Width * ingest.Height;
        }
    }

    private sealed class GatedActivity(ImageMemoryGate gate, IActivity inner) : IActivity
    {
        public Type InputType => inner.InputType;

        public async Task<object?> RunAsync(ActivityContext context, object? input)
        {
            using var reservation = await gate.budget.ReserveAsync(gate.EstimateBytes(context.InstanceId), context.CancellationToken).ConfigureAwait(false);
            var output = await inner.RunAsync(context, input).ConfigureAwait(false);
            gate.Remember(context.InstanceId, output);
            return output;
        }
    }
}
