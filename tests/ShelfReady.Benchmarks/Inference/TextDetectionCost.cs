using System.Diagnostics;
using System.Globalization;
using NetVips;
using ShelfReady.Imaging;
using ShelfReady.Inference;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.TextDetection;

namespace ShelfReady.Benchmarks.Inference;

/// <summary>
/// <c>text-detect [models] [images] [threads]</c>: the PaddleOCR text detector (models/ppocr-v4-det) on distinct
/// 12 MP studio JPEGs scaled to the compliance check's working size (long side 960), with ONNX Runtime on
/// <c>threads</c> intra-op threads (default 1: one core). Reports milliseconds per image for the resize, the
/// whole detection (preprocessing, model run, DB post-processing) and the tensor size.
/// </summary>
internal static class TextDetectionCost
{
    public static void Run(string[] args)
    {
        var models = args.Length > 0 ? args[0] : "models";
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        VipsRuntime.EnsureConfigured();
        var card = ModelCard.Load(Path.Combine(ModelsDirectory.Resolve(models), "ppocr-v4-det", ModelCard.CardFileName));
        using var detector = OnnxTextDetector.Open(card, new InferenceOptions { IntraOpThreads = threads });
        var (files, _) = BenchmarkPhotos.Get(count);
        var images = files.Select(file =>
        {
            using var loaded = Image.Thumbnail(file, 960);
            return loaded.CopyMemory();
        }).ToList();
        try
        {
            detector.Detect(images[0]);
            var clock = Stopwatch.StartNew();
            var regions = 0;
            TextDetectionResult? last = null;
            foreach (var image in images)
            {
                last = detector.Detect(image);
                regions += last.Regions.Count;
            }

            var perImage = clock.Elapsed.TotalMilliseconds / images.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"text-detect: {images.Count} images at {last!.MapWidth}x{last.MapHeight}, {threads} thread(s): {perImage:0.0} ms/image, {regions} regions in all"));
        }
        finally
        {
            images.ForEach(image => image.Dispose());
        }
    }
}
