using NetVips;
using ShelfReady.Inference.Segmentation;
using ShelfReady.SegmentationService.Batching;

namespace ShelfReady.SegmentationService.Models;

/// <summary>An open model with the dispatcher that batches its requests.</summary>
internal sealed class LoadedModel(OnnxSegmentationModel model, BatchDispatcher<Image, LowResolutionMask> dispatcher) : IDisposable
{
    public string Name => Model.Card.Name;

    public OnnxSegmentationModel Model => model;

    public BatchDispatcher<Image, LowResolutionMask> Dispatcher => dispatcher;

    /// <summary>Most requests per model run: 1 for a fixed-batch model, else Inference:MaxBatch.</summary>
    public int MaxBatch => model.MaxBatch;

    // The dispatcher goes first: it waits for the running batch, which still uses the model.
    public void Dispose()
    {
        dispatcher.Dispose();
        model.Dispose();
    }
}
