using NetVips;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Inference;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.TextDetection;
using ShelfReady.Pipeline.Compliance;

namespace ShelfReady.Pipeline.Tests.Compliance;

/// <summary>The repository, the installed text detector and the shared calibration photos, each required the same way: skipped locally, failed on CI.</summary>
internal static class ComplianceFixtures
{
    private static readonly Lazy<OnnxTextDetector?> Detector = new(OpenDetector);

    public static string Root { get; } = FindRoot();

    public static string Calibration => Path.GetFullPath(Path.Combine(Root, "..", "shared", "calibration"));

    public static OnnxTextDetector RequireDetector() =>
        Detector.Value ?? Missing<OnnxTextDetector>("Text detector not installed; run scripts/install-test-deps (npm ci).");

    public static string RequireCalibration() =>
        File.Exists(Path.Combine(Calibration, "MANIFEST.tsv")) ? Calibration : Missing<string>($"Calibration photos not found at {Calibration}.");

    /// <summary>Measures a photo as the pipeline would: the classical segmenter's matte and the detector.</summary>
    public static ComplianceEvidence Measure(Image rgb)
    {
        VipsRuntime.EnsureConfigured();
        using var matte = new ClassicalSegmenter().Segment(rgb, TestContext.Current.CancellationToken);
        return ComplianceMeasurer.Measure(rgb, matte, RequireDetector(), null, TestContext.Current.CancellationToken);
    }

    private static OnnxTextDetector? OpenDetector()
    {
        var card = ModelCard.Load(Path.Combine(Root, "models", "ppocr-v4-det", ModelCard.CardFileName));
        return card.IsInstalled ? OnnxTextDetector.Open(card, new InferenceOptions()) : null;
    }

    private static T Missing<T>(string message)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return default!;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Functions.sln not found above the test binaries.");
    }
}
