using NetVips;

namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// Runs <see cref="BackgroundModel"/>, <see cref="EdgeComplexityAnalyzer"/> and <see cref="ColorMatchAnalyzer"/>
/// on one shared analysis frame: the photo is shrunk, converted to Lab and its background fitted once instead of
/// three times, which is what keeps the measurements of a 12 MP photo cheap.
/// </summary>
public static class ImageAnalyzer
{
    /// <summary>Measures a photo and the matte of its product.</summary>
    /// <param name="rgb">3-band uchar sRGB photo.</param>
    /// <param name="matte">1-band uchar alpha matte of the same size.</param>
    /// <param name="thresholds">Edge-score thresholds; null takes the defaults.</param>
    /// <param name="options">Analysis settings; null takes the defaults.</param>
    public static ImageAnalysis Analyze(Image rgb, Image matte, ComplexityThresholds? thresholds = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matte);
        options ??= new AnalysisOptions();
        options.Validate();
        var frame = AnalysisFrame.Read(rgb, matte, options);
        var edge = EdgeComplexityAnalyzer.Analyze(frame);
        return new ImageAnalysis(
            BackgroundModel.Estimate(rgb, frame),
            edge,
            ColorMatchAnalyzer.Analyze(frame),
            (thresholds ?? new ComplexityThresholds()).Classify(edge.Score));
    }
}
