namespace ShelfReady.Inference.Classification;

/// <summary>What a classifier made of an image.</summary>
/// <param name="Category">
/// The top class's product category; <see cref="OnnxImageClassifier.Unknown"/> when its probability is below the
/// card's confidence floor or its label has no category.
/// </param>
/// <param name="Confidence">Probability of the top class, 0–1.</param>
/// <param name="Top">The card's top-K classes, most probable first.</param>
public sealed record ImageClassification(string Category, double Confidence, IReadOnlyList<ClassScore> Top);
