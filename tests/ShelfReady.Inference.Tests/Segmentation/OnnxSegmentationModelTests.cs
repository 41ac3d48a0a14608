using System.Globalization;
using System.Text.Json.Nodes;
using NetVips;
using ShelfReady.Imaging.Segmentation;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Segmentation;
using ShelfReady.Inference.Tests.Support;
using ShelfReady.ModelBuilder.Models;

namespace ShelfReady.Inference.Tests.Segmentation;

public sealed class OnnxSegmentationModelTests(TinyModels models) : IClassFixture<TinyModels>, IDisposable
{
    private readonly TestModelFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Predict_StudioTinyAtInputSize_MatchesClosedForm()
    {
        var (image, pixels) = TestImages.Random(StudioTinyModel.Size, StudioTinyModel.Size, 7);
        using (image)
        {
            var map = models.StudioTiny.Predict([image], TestContext.Current.CancellationToken)[0];

            Assert.Equal((StudioTinyModel.Size, StudioTinyModel.Size), (map.Width, map.Height));
            for (var p = 0; p < map.Values.Length; p++)
            {
                var expected = StudioTinyModel.Expected(pixels[p * 3] / 255.0, pixels[(p * 3) + 1] / 255.0, pixels[(p * 3) + 2] / 255.0);
                Assert.Equal(expected, map.Values[p], 1e-5);
            }
        }
    }

    [Theory]
    [InlineData(250)]
    [InlineData(215)]
    [InlineData(200)]
    [InlineData(120)]
    [InlineData(20)]
    public void Predict_StudioConvOnFlatGrey_MatchesClosedForm(byte level)
    {
        using var image = TestImages.Uniform(StudioTinyModel.Size, StudioTinyModel.Size, level, level, level);

        var map = models.StudioConv.Predict([image], TestContext.Current.CancellationToken)[0];

        var expected = 1 / (1 + Math.Exp(-StudioConvModel.FlatLogit(1 - (level / 255.0))));
        Assert.All(map.Values, v => Assert.Equal(expected, v, 1e-4));
    }

    [Fact]
    public void Segment_BatchOfThree_EqualsEachImageAlone()
    {
        using var first = StudioShotGenerator.Generate(new StudioShotSpec { Width = 300, Height = 240, Seed = 1 });
        using var second = StudioShotGenerator.Generate(new StudioShotSpec { Width = 257, Height = 331, Seed = 2, Category = "toys" });
        using var third = StudioShotGenerator.Generate(new StudioShotSpec { Width = 400, Height = 200, Seed = 3, Category = "books" });
        Image[] photos = [first.Photo, second.Photo, third.Photo];
        var token = TestContext.Current.CancellationToken;

        var batch = models.StudioConv.Segment(photos, token);
        try
        {
            for (var i = 0; i < photos.Length; i++)
            {
                var alone = models.StudioConv.Segment([photos[i]], token);
                using var single = alone[0];
                Assert.Equal(single.Matte.WriteToMemory<byte>(), batch[i].Matte.WriteToMemory<byte>());
                Assert.Equal(single.ForegroundBox, batch[i].ForegroundBox);
                Assert.Equal(single.Confidence, batch[i].Confidence);
            }
        }
        finally
        {
            foreach (var mask in batch)
            {
                mask.Dispose();
            }
        }
    }

    [Fact]
    public void Segment_OddSizedShot_ReturnsMatteOfThatSizeOverlappingTruth()
    {
        using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Width = 1001, Height = 777, Seed = 11, Category = "electronics" });

        using var mask = models.StudioTiny.Segment([shot.Photo], TestContext.Current.CancellationToken)[0];

        Assert.Equal((1001, 777, 1, Enums.BandFormat.Uchar), (mask.Matte.Width, mask.Matte.Height, mask.Matte.Bands, mask.Matte.Format));
        Assert.True(MatteComparison.IoU(mask.Matte, shot.Alpha) > 0.8);
        Assert.InRange(mask.Confidence, 0.5, 1);
        Assert.True(mask.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Segment_DarkRectangleOnWhite_BoxesTheRectangle()
    {
        using var white = TestImages.Uniform(640, 480, 250, 250, 250);
        using var rectangle = white.Mutate(m => m.DrawRect([30.0, 30, 30], 100, 150, 200, 120, fill: true));

        using var mask = models.StudioTiny.Segment([rectangle], TestContext.Current.CancellationToken)[0];

        var box = mask.ForegroundBox;
        Assert.InRange(box.Left, 98, 102);
        Assert.InRange(box.Top, 148, 152);
        Assert.InRange(box.Width, 196, 204);
        Assert.InRange(box.Height, 116, 124);
    }

    [Fact]
    public void Segment_PlainWhite_EmptyBoxFullConfidence()
    {
        using var white = TestImages.Uniform(300, 200, 255, 255, 255);

        using var mask = models.StudioTiny.Segment([white], TestContext.Current.CancellationToken)[0];

        Assert.True(mask.ForegroundBox.IsEmpty);
        Assert.Equal(1, mask.Confidence);
        Assert.Equal(0, mask.Matte.Max());
    }

    [Fact]
    public void Segment_SimpleProducts_StudioTinyAndConvReachUsefulIoU()
    {
        var shots = StudioShotGenerator.GenerateSet(8, ComplexityMix.OnlySimple, seed: 5, new StudioShotSpec { Width = 480, Height = 360 }).ToList();
        try
        {
            var photos = shots.Select(s => s.Photo).ToArray();
            var token = TestContext.Current.CancellationToken;
            var tiny = MeanIoU(photos.Chunk(TinyModels.MaxBatch).SelectMany(batch => models.StudioTiny.Segment(batch, token)).ToList(), shots);
            var conv = MeanIoU(photos.Chunk(TinyModels.MaxBatch).SelectMany(batch => models.StudioConv.Segment(batch, token)).ToList(), shots);
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean IoU on 8 simple shots: studio-tiny {tiny:F3}, studio-conv {conv:F3}"));

            Assert.True(tiny > 0.85, $"studio-tiny mean IoU {tiny}");
            Assert.True(conv > 0.85, $"studio-conv mean IoU {conv}");
        }
        finally
        {
            shots.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void Segment_MoreImagesThanMaxBatch_Throws()
    {
        using var image = TestImages.Uniform(32, 32, 0, 0, 0);
        var images = Enumerable.Repeat(image, TinyModels.MaxBatch + 1).ToArray();

        Assert.Throws<ArgumentOutOfRangeException>(() => models.StudioTiny.Segment(images, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Segment_FourBandImage_ThrowsNamingTheBands()
    {
        using var rgb = TestImages.Uniform(32, 32, 0, 0, 0);
        using var rgba = rgb.Bandjoin(255);

        var error = Assert.Throws<ArgumentException>(() => models.StudioTiny.Segment([rgba], TestContext.Current.CancellationToken));

        Assert.Contains("4 band", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_CancelledToken_Throws()
    {
        using var image = TestImages.Uniform(32, 32, 0, 0, 0);

        Assert.ThrowsAny<OperationCanceledException>(() => models.StudioTiny.Segment([image], new CancellationToken(canceled: true)));
    }

    [Fact]
    public void MaxBatch_DynamicBatch_IsTheConfiguredCap()
    {
        Assert.Equal(TinyModels.MaxBatch, models.StudioTiny.MaxBatch);
    }

    [Fact]
    public void MaxBatch_FixedBatchOne_IsOne()
    {
        var card = folder.Write(TestModelFolder.SegmentationCard("fixed1", 8, 8), TestGraphs.PickChannel(8, 8, 0, 1L));

        using var model = OnnxSegmentationModel.Open(card, new InferenceOptions { MaxBatch = 8 });

        Assert.Equal(1, model.MaxBatch);
    }

    [Fact]
    public void Predict_OutputIndexWithSigmoid_ReadsThatOutputThroughTheSigmoid()
    {
        var json = TestModelFolder.SegmentationCard("pick-sigmoid", 6, 4);
        json["output"] = new JsonObject { ["index"] = 1, ["activation"] = "sigmoid", ["normalize"] = "none" };
        var card = folder.Write(json, TestGraphs.PickChannel(6, 4, 2));
        using var model = OnnxSegmentationModel.Open(card, new InferenceOptions());
        var (image, pixels) = TestImages.Random(6, 4, 9);
        using (image)
        {
            var map = model.Predict([image], TestContext.Current.CancellationToken)[0];

            for (var p = 0; p < map.Values.Length; p++)
            {
                Assert.Equal(1 / (1 + Math.Exp(-pixels[(p * 3) + 2] / 255.0)), map.Values[p], 1e-5);
            }
        }
    }

    [Fact]
    public void Predict_MinMax_StretchesEachImageToZeroOne()
    {
        var json = TestModelFolder.SegmentationCard("pick-minmax", 6, 4);
        json["output"] = new JsonObject { ["index"] = 1, ["activation"] = "none", ["normalize"] = "minmax" };
        var card = folder.Write(json, TestGraphs.PickChannel(6, 4, 1));
        using var model = OnnxSegmentationModel.Open(card, new InferenceOptions());
        var (image, pixels) = TestImages.Random(6, 4, 10);
        using (image)
        {
            var map = model.Predict([image], TestContext.Current.CancellationToken)[0];

            var green = Enumerable.Range(0, 24).Select(p => (double)pixels[(p * 3) + 1]).ToArray();
            var (min, max) = (green.Min(), green.Max());
            for (var p = 0; p < map.Values.Length; p++)
            {
                Assert.Equal((green[p] - min) / (max - min), map.Values[p], 1e-5);
            }
        }
    }

    [Fact]
    public void Open_ModelFileMissing_ThrowsWithInstallHint()
    {
        var card = folder.Write(TestModelFolder.SegmentationCard("absent", 8, 8), model: null);

        var error = Assert.Throws<FileNotFoundException>(() => OnnxSegmentationModel.Open(card, new InferenceOptions()));

        Assert.Contains("not installed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ChecksumDiffers_Throws()
    {
        var json = TestModelFolder.SegmentationCard("tampered", 8, 8);
        json["provenance"]!["sha256"] = new string('0', 64);
        var card = folder.Write(json, TestGraphs.PickChannel(8, 8, 0));

        var error = Assert.Throws<InvalidDataException>(() => OnnxSegmentationModel.Open(card, new InferenceOptions()));

        Assert.Contains("SHA-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ClassificationCard_Throws()
    {
        var card = ModelCard.Load(TinyModels.CardPath("colour-classifier"));

        Assert.Throws<ArgumentException>(() => OnnxSegmentationModel.Open(card, new InferenceOptions()));
    }

    private static double MeanIoU(List<SegmentationMask> masks, List<StudioShot> shots)
    {
        try
        {
            return masks.Select((mask, i) => MatteComparison.IoU(mask.Matte, shots[i].Alpha)).Average();
        }
        finally
        {
            masks.ForEach(m => m.Dispose());
        }
    }
}
