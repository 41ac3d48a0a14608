using NetVips;
using ShelfReady.Inference.Segmentation;
using ShelfReady.SegmentationService.Batching;

namespace ShelfReady.SegmentationService.Models;

/// <summary>An open model with the dispatcher that batches its requests.</summary>
internal sealed class LoadedModel(OnnxSegmentationModel model, BatchDispatcher<Image, LowResolutionMask> dispatcher, int maxBatch) : IDisposable
{
    public string Name => Model.Card.Name;

    public OnnxSegmentationModel Model => model;

    public BatchDispatcher<Image, LowResolutionMask> Dispatcher => dispatcher;

    /// <summary>The batch size actually used: the smaller of the service's and the model's caps.</summary>
    public int MaxBatch => maxBatch;

    // The dispatcher goes first: it waits for the running batch, which still uses the model.
    public void Dispose()
    {
        dispatcher.Dispose();
        model.Dispose();
    }
}
