using System.Diagnostics;
using System.Globalization;
using NetVips;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Inference;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Segmentation;

namespace ShelfReady.Benchmarks.Inference;

/// <summary>
/// <c>segment-quality &lt;models-dir&gt; &lt;model&gt; [per-complexity] [long-side]</c>: an installed segmentation model
/// against the classical segmenter on the same synthetic shots, with ground-truth mattes: IoU at alpha 128 and
/// time per image, by complexity. For judging a downloaded model before pointing the service at it.
/// </summary>
internal static class SegmentationQuality
{
    public static void Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: segment-quality <models-dir> <model> [per-complexity=10] [long-side=1200]");
            return;
        }

        var perComplexity = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        var longSide = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1200;
        VipsRuntime.EnsureConfigured();
        var options = new InferenceOptions { ModelsDirectory = args[0] };
        var card = ModelCard.LoadAll(options.ModelsDirectory).Single(c => c.Name == args[1]);
        using var model = OnnxSegmentationModel.Open(card, options);
        var classical = new ClassicalSegmenter();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"segment-quality: {card.Name} ({card.Family}, {card.Input.Width}×{card.Input.Height}, {model.Providers.Active}) vs classical; {perComplexity} shots per complexity at {longSide}×{longSide * 3 / 4}"));
        foreach (var complexity in Enum.GetValues<ProductComplexity>())
        {
            var scores = Measure(model, classical, complexity, perComplexity, longSide);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {complexity,-8} model IoU {scores.ModelIoU.Average():0.000} (min {scores.ModelIoU.Min():0.000}), {scores.ModelMs.Average():0} ms | classical IoU {scores.ClassicalIoU.Average():0.000} (min {scores.ClassicalIoU.Min():0.000}), {scores.ClassicalMs.Average():0} ms"));
        }
    }

    private static Scores Measure(OnnxSegmentationModel model, ClassicalSegmenter classical, ProductComplexity complexity, int count, int longSide)
    {
        var scores = new Scores();
        var template = new StudioShotSpec { Width = longSide, Height = longSide * 3 / 4 };
        var mix = complexity switch
        {
            ProductComplexity.Simple => ComplexityMix.OnlySimple,
            ProductComplexity.Medium => ComplexityMix.OnlyMedium,
            _ => ComplexityMix.OnlyComplex,
        };
        foreach (var shot in StudioShotGenerator.GenerateSet(count, mix, seed: 4242, template))
        {
            using (shot)
            {
                var clock = Stopwatch.StartNew();
                var masks = model.Segment([shot.Photo]);
                scores.ModelMs.Add(clock.Elapsed.TotalMilliseconds);
                using (masks[0])
                {
                    scores.ModelIoU.Add(MatteComparison.IoU(masks[0].Matte, shot.Alpha));
                }

                clock.Restart();
                using Image matte = classical.Segment(shot.Photo);
                scores.ClassicalMs.Add(clock.Elapsed.TotalMilliseconds);
                scores.ClassicalIoU.Add(MatteComparison.IoU(matte, shot.Alpha));
            }
        }

        return scores;
    }

    private sealed class Scores
    {
        public List<double> ModelIoU { get; } = [];

        public List<double> ModelMs { get; } = [];

        public List<double> ClassicalIoU { get; } = [];

        public List<double> ClassicalMs { get; } = [];
    }
}
