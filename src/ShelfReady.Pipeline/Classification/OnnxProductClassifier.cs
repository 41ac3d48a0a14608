using NetVips;
using ShelfReady.Inference.Classification;
using ShelfReady.Pipeline.Ports;

namespace ShelfReady.Pipeline.Classification;

/// <summary>
/// The product classifier on an ONNX image classifier: the model's classes are mapped to product categories
/// by its card's taxonomy, and an answer under the card's confidence floor comes back as "unknown".
/// </summary>
public sealed class OnnxProductClassifier(OnnxImageClassifier classifier) : IProductClassifier, IDisposable
{
    /// <inheritdoc />
    public Task<ProductGuess> ClassifyAsync(Image master, CancellationToken cancellationToken)
    {
        var answer = classifier.Classify(master, cancellationToken);
        return Task.FromResult(new ProductGuess(answer.Category, answer.Confidence, classifier.Card.Name));
    }

    /// <inheritdoc />
    public void Dispose() => classifier.Dispose();
}
