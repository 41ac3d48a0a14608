using ShelfReady.Inference.Models;
using ShelfReady.Inference.Segmentation;

namespace ShelfReady.Inference.Tests.Support;

/// <summary>The committed tiny models under models/, opened once per test class that needs them.</summary>
public sealed class TinyModels : IDisposable
{
    public const int MaxBatch = 4;

    public TinyModels()
    {
        var options = new InferenceOptions { ModelsDirectory = RepositoryRoot.Models, MaxBatch = MaxBatch, IntraOpThreads = 1 };
        StudioTiny = OnnxSegmentationModel.Open(ModelCard.Load(CardPath("studio-tiny")), options);
        StudioConv = OnnxSegmentationModel.Open(ModelCard.Load(CardPath("studio-conv")), options);
    }

    public OnnxSegmentationModel StudioTiny { get; }

    public OnnxSegmentationModel StudioConv { get; }

    public static string CardPath(string name) => Path.Combine(RepositoryRoot.Models, name, ModelCard.CardFileName);

    public void Dispose()
    {
        StudioTiny.Dispose();
        StudioConv.Dispose();
    }
}
