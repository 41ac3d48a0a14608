namespace ShelfReady.Inference.Classification;

/// <summary>One class of a classification.</summary>
/// <param name="Label">The model's label, from the card's label file.</param>
/// <param name="Category">ShelfReady product category from the card's taxonomy; null when the label has none.</param>
/// <param name="Probability">Probability after the card's activation, 0–1.</param>
public sealed record ClassScore(string Label, string? Category, double Probability);
