using System.Text;
using NetVips;
using ShelfReady.Imaging.Compositing;
using ShelfReady.Imaging.Encoders;
using ShelfReady.Imaging.Quality;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Compliance;
using ShelfReady.Pipeline.Naming;
using ShelfReady.Pipeline.Profiles;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Writes one platform's files for one image, encodes each output, opens it again to verify it, claims its
/// name and only then publishes it to the exports container. A square platform at the reference fill gets
/// the approved reference composite resized — what the reviewer saw is what ships; any other framing
/// (print keeps the photo's aspect and resolution) is composed afresh from the master and the approved matte, and
/// the cut-out profile gets that composite back as colour plus the matte as alpha.
/// </summary>
public sealed class ExportActivity(IBlobStore store, PlatformProfileCatalog catalog) : Activity<ExportInput, ExportOutput>
{
    private const int MaxNameAttempts = 100;

    /// <inheritdoc />
    public override async Task<ExportOutput> RunAsync(ActivityContext context, ExportInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var token = context.CancellationToken;
        var profile = catalog.For(input.Settings).Get(input.Platform);
        EnsureIndexHasASlot(profile, input.NamingValues);
        using var image = await FramedAsync(input, profile, token).ConfigureAwait(false);

        var files = new List<ExportedFile>();
        foreach (var output in profile.Outputs)
        {
            var encoded = Encode(image, output);
            var verified = ExportVerifier.Verify(encoded.Bytes, profile, output, image.Width, image.Height);
            var wanted = NameTemplate.Render(profile.NameTemplate, WithExtension(input.NamingValues, output));
            var path = await ClaimAsync(input, wanted, token).ConfigureAwait(false);
            await store.WriteAsync(path, encoded.Bytes, token).ConfigureAwait(false);
            files.Add(new ExportedFile(path, output.Format.ToString(), verified.Width, verified.Height, encoded.Bytes.LongLength, verified.IccDescription ?? "", verified.BitDepth));
        }

        var compliance = input.Compliance is { } evidence ? ComplianceJudge.Judge(input.Platform, profile.Compliance, evidence, ComplianceJudge.DeclaredPieces(input.NamingValues)) : null;
        return new ExportOutput(input.Platform, files, compliance);
    }

    private async Task<Image> FramedAsync(ExportInput input, PlatformProfile profile, CancellationToken token)
    {
        var reference = input.Approved.Composite;
        if (profile.Background != BackgroundRule.Transparent && profile.Square && Math.Abs(profile.TargetFill - ComposeActivity.ReferenceFill) < 1e-9
            && profile.LongSide is { } side && side <= reference.Width)
        {
            using var composite = await WorkImages.ReadAsync(store, reference.Composite, token).ConfigureAwait(false);
            return side == composite.Width ? composite.Copy() : composite.Resize((double)side / composite.Width);
        }

        using var master = await WorkImages.ReadAsync(store, input.Master, token).ConfigureAwait(false);
        using var mask = await WorkImages.ReadAsync(store, input.Approved.Segment.Mask, token).ConfigureAwait(false);
        using var composed = StudioCompositor.Compose(master, mask, CompositeOptionsFor(profile, input.Analysis, mask));
        return profile.Background == BackgroundRule.Transparent
            ? TransparentCutout.FromComposite(composed.Image, composed.Matte)
            : composed.Image.Copy();
    }

    // Amazon numbers secondary images PT01–PT08; a ninth has no slot, and inventing "PT09" would be rejected there.
    private static void EnsureIndexHasASlot(PlatformProfile profile, IReadOnlyDictionary<string, string?> values)
    {
        if (profile.MaxIndex is { } max
            && values.TryGetValue("index", out var text)
            && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && (index < 1 || index > max))
        {
            throw new ExportVerificationException($"{profile.Name} numbers images 1–{max}; index {index} has no slot.");
        }
    }

    private static CompositeOptions CompositeOptionsFor(PlatformProfile profile, AnalysisOutput analysis, Image mask) => new()
    {
        TargetFill = profile.TargetFill,
        OutputLongSide = profile.LongSide ?? NativeLongSide(mask, profile),
        Shape = profile.Square ? CanvasShape.Square : CanvasShape.SourceAspect,
        BackgroundReference = new BackgroundTone(analysis.BackgroundR, analysis.BackgroundG, analysis.BackgroundB),
    };

    // A profile without a fixed size keeps the photo's own resolution: the product spans as many pixels as it did
    // in the shot. On a canvas of the photo's aspect the binding side may be the short one (a tall product in a
    // landscape photo), so the long side is whatever lets both sides hold the product at scale 1.
    private static int NativeLongSide(Image mask, PlatformProfile profile)
    {
        var bounds = FillRatio.FindBounds(mask);
        double longSide = Math.Max(bounds.Width, bounds.Height);
        if (!profile.Square)
        {
            var aspect = (double)Math.Max(mask.Width, mask.Height) / Math.Min(mask.Width, mask.Height);
            var (alongLong, alongShort) = mask.Width >= mask.Height ? (bounds.Width, bounds.Height) : (bounds.Height, bounds.Width);
            longSide = Math.Max(alongLong, alongShort * aspect);
        }

        var side = (int)Math.Ceiling(longSide / profile.TargetFill);
        return Math.Clamp(side, profile.MinLongSide, Math.Min(profile.MaxLongSide, 10000));
    }

    private static EncodedImage Encode(Image image, OutputSpec output)
    {
        EncoderOptions options = output.Format switch
        {
            OutputFormat.Jpeg => new JpegOptions { Quality = output.Quality, Profile = output.ColorProfile },
            OutputFormat.WebP => new WebpOptions { Quality = output.Quality, Effort = output.Effort, Profile = output.ColorProfile },
            OutputFormat.Png => new PngOptions { BitDepth = output.BitDepth, Profile = output.ColorProfile },
            _ => new TiffOptions { BitDepth = output.BitDepth, Compression = output.Compression, Dpi = output.Dpi ?? 300, Profile = output.ColorProfile },
        };
        return output.MaxBytes is { } max && options is LossyEncoderOptions lossy
            ? ImageEncoder.EncodeWithinBytes(image, lossy, max)
            : ImageEncoder.Encode(image, options);
    }

    private static Dictionary<string, string?> WithExtension(IReadOnlyDictionary<string, string?> values, OutputSpec output) =>
        new(values, StringComparer.OrdinalIgnoreCase) { ["ext"] = output.Extension };

    // A name belongs to the first job that claims it; the same job re-running finds its own claim, another job
    // moves on to "-2", "-3". The claim lives in work/, so exports holds nothing but deliverables.
    private async Task<BlobPath> ClaimAsync(ExportInput input, string wanted, CancellationToken token)
    {
        var owner = Encoding.UTF8.GetBytes(input.Job.JobId);
        for (var n = 1; n <= MaxNameAttempts; n++)
        {
            var name = n == 1 ? wanted : NameTemplate.WithSuffix(wanted, n);
            var claim = new BlobPath(BlobContainers.Work, $"names/{input.Job.Merchant}/{input.Job.Batch}/{input.Platform}/{name}");
            if (await store.CreateIfAbsentAsync(claim, owner, token).ConfigureAwait(false)
                || (await store.ReadAsync(claim, token).ConfigureAwait(false)).AsSpan().SequenceEqual(owner))
            {
                return WorkPaths.Export(input.Job.Merchant, input.Job.Batch, input.Platform, name);
            }
        }

        throw new InvalidOperationException($"No free export name for '{wanted}' after {MaxNameAttempts} attempts.");
    }
}
