namespace ShelfReady.Inference.Preprocessing;

/// <summary>A model output copied out of ONNX Runtime: row-major values, shape, and how many leading items are real images.</summary>
internal sealed record OutputTensor(float[] Values, long[] Shape, int Count)
{
    /// <summary>Floats per batch item.</summary>
    public int ItemLength => (int)(Values.Length / Shape[0]);

    /// <summary>The values of batch item <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Item(int index) => Values.AsSpan(index * ItemLength, ItemLength);
}
