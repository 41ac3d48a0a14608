namespace ShelfReady.Pipeline.Segmentation;

/// <summary>What the segmentation service answered for one image.</summary>
/// <param name="Png">The mask as PNG, at the size of the image sent.</param>
/// <param name="Model">The model that made it.</param>
/// <param name="Provider">The execution provider it ran on (CUDA, TensorRT, CPU).</param>
/// <param name="Confidence">The service's confidence in the mask, 0–1, when it reported one.</param>
public sealed record ServiceMask(byte[] Png, string Model, string Provider, double? Confidence);
