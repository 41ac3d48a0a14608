namespace ShelfReady.Pipeline.Ports;

/// <summary>A classifier's answer.</summary>
/// <param name="Category">A product category, or "unknown" below the model's confidence floor.</param>
/// <param name="Confidence">The category's probability, 0–1.</param>
/// <param name="Model">The model that answered.</param>
public sealed record ProductGuess(string Category, double Confidence, string Model);
