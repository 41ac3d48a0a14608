namespace ShelfReady.Pipeline.Segmentation;

/// <summary>Which products the classical segmenter may cut out while the segmentation service is down.</summary>
public enum SegmentationFallback
{
    /// <summary>None: every product waits for the service.</summary>
    None,

    /// <summary>Simple products only (solid, hard-edged, good contrast).</summary>
    Simple,

    /// <summary>Simple and medium products; complex ones still wait.</summary>
    SimpleAndMedium,
}
