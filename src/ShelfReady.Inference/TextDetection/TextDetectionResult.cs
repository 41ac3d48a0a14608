namespace ShelfReady.Inference.TextDetection;

/// <summary>What a text detector found in one image.</summary>
/// <param name="Regions">Text boxes in the searched image's pixels, highest score first.</param>
/// <param name="ImageWidth">Width of the searched image.</param>
/// <param name="ImageHeight">Height of the searched image.</param>
/// <param name="MapWidth">Width of the probability map the model produced (its working size).</param>
/// <param name="MapHeight">Height of the probability map.</param>
/// <param name="Elapsed">Preprocessing, model run and post-processing together.</param>
public sealed record TextDetectionResult(IReadOnlyList<TextRegion> Regions, int ImageWidth, int ImageHeight, int MapWidth, int MapHeight, TimeSpan Elapsed);
