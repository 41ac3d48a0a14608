using NetVips;

namespace ShelfReady.Pipeline.Ports;

/// <summary>A full-resolution alpha matte and the method that made it, recorded with the attempt.</summary>
/// <param name="Matte">1-band uchar matte of the master's size: 255 product, 0 background.</param>
/// <param name="Segmenter">The method's name, e.g. "classical" or "service:birefnet-general (CUDA)".</param>
public sealed record SegmentedMatte(Image Matte, string Segmenter) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Matte.Dispose();
}
