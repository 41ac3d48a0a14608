using System.Runtime.CompilerServices;
using NetVips;
using ShelfReady.Imaging.Analysis;
using ShelfReady.Imaging.Pixels;

namespace ShelfReady.Imaging.Quality;

/// <summary>
/// Judges a matte against the photo it was cut from, not against itself: a smooth L*a*b* backdrop model is fitted
/// to the pixels the matte removed (away from the outline, outliers rejected), and every pixel of the photo is
/// then called backdrop-like (close to the model, or a smooth neutral darkening of it: a shadow) or product-like
/// (unlike the model, or textured beyond the backdrop's own noise). Removed product-like pixels are lost product,
/// told apart by place (enclosed: a hole; in a notch of the outline: a bite; else a part cut away); kept
/// backdrop-like pixels along the outline are kept backdrop, and kept islands that are mostly backdrop or shadow
/// are detached fragments. A matte that reaches the frame edge marks a cropped product.
/// </summary>
public static class CutoutInspector
{
    private const int SampleTarget = 20000;
    private const int MinSamples = 64;
    private const float MinTextureThreshold = 6f;
    private const float TextureMultiplier = 2.5f;
    private const int EdgeGuard = 2;
    private const float MinEdgeThreshold = 1.2f;
    private const float KeptBackdropDepth = 1.5f;
    private const int EdgeSearch = 2;

    /// <summary>Inspects a matte.</summary>
    /// <param name="rgb">The photo: 3-band uchar sRGB.</param>
    /// <param name="matte">Its matte: 1-band uchar, same size, 255 = product.</param>
    /// <param name="options">Settings; null means defaults.</param>
    public static CutoutInspection Inspect(Image rgb, Image matte, CutoutInspectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        ArgumentNullException.ThrowIfNull(matte);
        options ??= new CutoutInspectorOptions();
        options.Validate();
        if (rgb.Bands != 3 || matte.Bands != 1 || rgb.Width != matte.Width || rgb.Height != matte.Height)
        {
            throw new ArgumentException("Expected a 3-band photo and a 1-band matte of the same size.", nameof(matte));
        }

        var shrink = Math.Max(1, (int)Math.Ceiling((double)Math.Max(rgb.Width, rgb.Height) / options.ProxyLongSide));
        var frame = ReadFrame(rgb, matte, shrink);
        return new Inspection(frame, options, shrink).Run();
    }

    private static ProxyFrame ReadFrame(Image rgb, Image matte, int shrink)
    {
        PixelBuffer pixels, alpha;
        if (shrink == 1)
        {
            pixels = PixelBuffer.From(rgb);
            alpha = PixelBuffer.From(matte);
        }
        else
        {
            using var small = rgb.Shrink(shrink, shrink);
            using var smallMatte = matte.Shrink(shrink, shrink);
            pixels = PixelBuffer.From(small);
            alpha = PixelBuffer.From(smallMatte);
        }

        var lab = LabPlanes.From(pixels);
        if (shrink == 1)
        {
            lab.BoxBlur3();
        }

        return new ProxyFrame(lab, alpha.Data);
    }

    private sealed record ProxyFrame(LabPlanes Lab, byte[] Alpha)
    {
        public int Width => Lab.Width;

        public int Height => Lab.Height;
    }

    /// <summary>One inspection's working state on the proxy.</summary>
    private sealed class Inspection
    {
        private readonly ProxyFrame frame;
        private readonly CutoutInspectorOptions options;
        private readonly int shrink;
        private readonly int width;
        private readonly int height;
        private readonly bool[] kept;
        private readonly bool[] removed;
        private readonly float[] outsideDistance;
        private readonly float[] insideDistance;
        private readonly List<CutoutDefect> defects = [];
        private readonly int keptArea;

        public Inspection(ProxyFrame frame, CutoutInspectorOptions options, int shrink)
        {
            this.frame = frame;
            this.options = options;
            this.shrink = shrink;
            width = frame.Width;
            height = frame.Height;
            kept = new bool[frame.Alpha.Length];
            removed = new bool[frame.Alpha.Length];
            for (var i = 0; i < kept.Length; i++)
            {
                kept[i] = frame.Alpha[i] >= 128;
                removed[i] = frame.Alpha[i] <= 12;
                keptArea += kept[i] ? 1 : 0;
            }

            (insideDistance, outsideDistance) = MaskOps.Distances(kept, width, height);
        }

        private double MinPixels => Math.Max(6, options.MinDefectFraction * keptArea);

        public CutoutInspection Run()
        {
            var productFraction = (double)keptArea / kept.Length;
            if (keptArea == 0)
            {
                return new CutoutInspection([], double.NaN, 0);
            }

            var samples = BackdropSamples();
            if (samples.Length < MinSamples)
            {
                Add(CutoutDefectKind.SceneBackdrop, new Box(0, 0, width - 1, height - 1), 1, 0);
                return Finish(double.NaN, productFraction);
            }

            var surface = BackgroundSurface.FitSamples(frame.Lab, samples);
            var sigma = surface.ResidualSigma;
            if (sigma > options.SceneSigma)
            {
                Add(CutoutDefectKind.SceneBackdrop, new Box(0, 0, width - 1, height - 1), 1, sigma);
            }

            var classes = Classify(surface.Render(width, height), Texture(), samples, sigma);
            FindLost(classes);
            FindKept(classes);
            FindFrameContact();
            return Finish(sigma, productFraction);
        }

        private CutoutInspection Finish(double sigma, double productFraction) =>
            new([.. defects.OrderByDescending(d => d.AreaFraction)], sigma, productFraction);

        /// <summary>Removed pixels clear of the outline, thinned to about <see cref="SampleTarget"/>; the frame border where the matte leaves too few.</summary>
        private int[] BackdropSamples()
        {
            // Counted first, then every stride-th taken: the same samples as thinning a list of all candidates.
            var candidates = 0;
            for (var i = 0; i < removed.Length; i++)
            {
                candidates += IsBackdropCandidate(i) ? 1 : 0;
            }

            var stride = Math.Max(1, candidates / SampleTarget);
            var samples = new int[((candidates - 1) / stride) + 1];
            for (int i = 0, seen = 0, taken = 0; i < removed.Length && taken < samples.Length; i++)
            {
                if (IsBackdropCandidate(i) && seen++ % stride == 0)
                {
                    samples[taken++] = i;
                }
            }

            return samples;
        }

        private bool IsBackdropCandidate(int i) => removed[i] && outsideDistance[i] >= 4;

        /// <summary>Gradient magnitude of L* (central differences): product detail, edges and print; sensor noise is small on the proxy.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private float[] Texture()
        {
            var l = frame.Lab.L;
            var texture = new float[l.Length];
            for (var y = 1; y < height - 1; y++)
            {
                for (var x = 1; x < width - 1; x++)
                {
                    var i = (y * width) + x;
                    var gx = l[i + 1] - l[i - 1];
                    var gy = l[i + width] - l[i - width];
                    texture[i] = MathF.Sqrt((gx * gx) + (gy * gy)) * 0.5f;
                }
            }

            return texture;
        }

        /// <summary>Per pixel: its ΔE76 from the backdrop model, and whether it is product-like.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private PixelClasses Classify(float[][] model, float[] texture, int[] samples, double sigma)
        {
            var sampleTexture = Array.ConvertAll(samples, s => texture[s]);
            var backdropTexture = OrderStatistic.Select(sampleTexture.AsSpan(), (int)(sampleTexture.Length * 0.9));
            var textureLimit = Math.Max(MinTextureThreshold, TextureMultiplier * backdropTexture);
            var deltaLimit = (float)Math.Max(options.MinBackdropDeltaE, options.NoiseMultiplier * sigma);
            var lab = frame.Lab;
            var delta = new float[lab.L.Length];
            var productLike = new bool[lab.L.Length];
            var shadowLike = new bool[lab.L.Length];
            for (var i = 0; i < delta.Length; i++)
            {
                var dl = lab.L[i] - model[0][i];
                var da = lab.A[i] - model[1][i];
                var db = lab.B[i] - model[2][i];
                var chroma = MathF.Sqrt((da * da) + (db * db));
                var d = MathF.Sqrt((dl * dl) + (chroma * chroma));
                delta[i] = d;
                var smooth = texture[i] <= textureLimit;

                // A shadow darkens the sweep without tinting it much and without adding detail.
                var shadow = smooth && dl < 0 && chroma <= Math.Max(4f, 0.3f * -dl) && lab.L[i] >= 0.3f * model[0][i];
                shadowLike[i] = shadow && d > deltaLimit;
                productLike[i] = !smooth || (d > deltaLimit && !shadow);
            }

            return new PixelClasses(delta, productLike, shadowLike, texture, Math.Max(MinEdgeThreshold, 2 * backdropTexture));
        }

        private void FindLost(PixelClasses classes)
        {
            var lost = new bool[kept.Length];
            for (var i = 0; i < lost.Length; i++)
            {
                lost[i] = removed[i] && outsideDistance[i] > EdgeGuard && (classes.ProductLike[i] || classes.ShadowLike[i]);
            }

            var outside = MaskOps.Outside(kept, width, height);
            var closed = Closing(Math.Max(3f, 0.03f * MathF.Sqrt(keptArea)));
            foreach (var component in Components(lost))
            {
                if (component.Size < MinPixels)
                {
                    continue;
                }

                var enclosed = component.Count(i => !outside[i]);
                var inNotch = component.Count(i => closed[i]);
                var touches = component.Pixels.Any(i => outsideDistance[i] <= EdgeGuard + 1.5f);
                var kind = enclosed >= 0.9 * component.Size ? CutoutDefectKind.MatteHole
                    : touches && inNotch >= 0.7 * component.Size ? CutoutDefectKind.BoundaryBite
                    : CutoutDefectKind.LostProduct;

                // A smooth neutral darkening removed beside the product is a shadow, rightly gone; the same inside the
                // outline (a hole, a notch) is a grey product face the matte lost.
                var shadowOnly = component.Count(i => classes.ProductLike[i]) < 0.1 * component.Size;
                if (shadowOnly && kind == CutoutDefectKind.LostProduct)
                {
                    continue;
                }

                Add(kind, component.Bounds, component.Size / (double)keptArea, component.Mean(classes.Delta));
            }
        }

        private void FindKept(PixelClasses classes)
        {
            var (labels, sizes) = MaskOps.Label(kept, width, height);
            var main = sizes.IndexOf(sizes.Max());
            var fragments = new HashSet<int>();
            foreach (var component in Components(kept, labels, sizes))
            {
                if (component.Label == main || component.Size < MinPixels)
                {
                    continue;
                }

                var backdrop = component.Count(i => !classes.ProductLike[i]);
                if (backdrop >= 0.5 * component.Size)
                {
                    fragments.Add(component.Label);
                    Add(CutoutDefectKind.DetachedFragment, component.Bounds, component.Size / (double)keptArea, component.Mean(classes.Delta));
                }
            }

            // Plain backdrop held along the outline; shadows are left out here, because a smooth grey product face
            // looks just like one from close up, but a detached shadow island is caught above.
            var keptBackdrop = new bool[kept.Length];
            for (var i = 0; i < kept.Length; i++)
            {
                keptBackdrop[i] = kept[i] && insideDistance[i] > KeptBackdropDepth && !classes.ProductLike[i] && !classes.ShadowLike[i]
                    && !fragments.Contains(labels[i]);
            }

            foreach (var component in Components(keptBackdrop))
            {
                var rim = component.Pixels.Where(i => insideDistance[i] <= KeptBackdropDepth + 1.5f).ToList();
                if (component.Size >= options.MinKeptBackdropFraction * keptArea && rim.Count > 0 && !FollowsPhotoEdge(rim, classes))
                {
                    Add(CutoutDefectKind.KeptBackdrop, component.Bounds, component.Size / (double)keptArea, component.Mean(classes.Delta));
                }
            }
        }

        /// <summary>
        /// Whether the outline along a backdrop-coloured kept region lies on an edge of the photo (a white label, a
        /// highlight on a white product: faint but there) rather than across smooth backdrop, as a kept blob's does.
        /// </summary>
        private bool FollowsPhotoEdge(List<int> rim, PixelClasses classes)
        {
            var onEdge = 0;
            foreach (var i in rim)
            {
                var (x, y) = (i % width, i / width);
                var found = false;
                for (var dy = -EdgeSearch; dy <= EdgeSearch && !found; dy++)
                {
                    for (var dx = -EdgeSearch; dx <= EdgeSearch && !found; dx++)
                    {
                        var (nx, ny) = (x + dx, y + dy);
                        var n = (ny * width) + nx;
                        found = nx >= 0 && ny >= 0 && nx < width && ny < height && OnOutline(n) && classes.Texture[n] > classes.EdgeLimit;
                    }
                }

                onEdge += found ? 1 : 0;
            }

            return onEdge >= 0.5 * rim.Count;
        }

        private bool OnOutline(int i) => kept[i] ? insideDistance[i] <= 1.5f : outsideDistance[i] <= 1.5f;

        /// <summary>Kept pixels on each side of the frame; a run longer than a percent of the side is a product running out of the photo.</summary>
        private void FindFrameContact()
        {
            CheckSide(width, x => x, _ => 0, horizontal: true);
            CheckSide(width, x => x, _ => height - 1, horizontal: true);
            CheckSide(height, _ => 0, y => y, horizontal: false);
            CheckSide(height, _ => width - 1, y => y, horizontal: false);
        }

        private void CheckSide(int length, Func<int, int> xOf, Func<int, int> yOf, bool horizontal)
        {
            var (count, first, last) = (0, -1, -1);
            for (var t = 0; t < length; t++)
            {
                if (kept[(yOf(t) * width) + xOf(t)])
                {
                    count++;
                    first = first < 0 ? t : first;
                    last = t;
                }
            }

            if (count >= Math.Max(3, 0.01 * length))
            {
                var box = horizontal ? new Box(first, yOf(0), last, yOf(0)) : new Box(xOf(0), first, xOf(0), last);
                Add(CutoutDefectKind.TouchesFrame, box, (double)count / length, 0);
            }
        }

        /// <summary>Morphological closing of the matte by a disc: the outline with its notches filled.</summary>
        private bool[] Closing(float radius)
        {
            var dilated = new bool[kept.Length];
            for (var i = 0; i < kept.Length; i++)
            {
                dilated[i] = outsideDistance[i] <= radius;
            }

            var toOutside = MaskOps.Distance(dilated, width, height, inside: true);
            var closed = new bool[kept.Length];
            for (var i = 0; i < kept.Length; i++)
            {
                closed[i] = dilated[i] && toOutside[i] > radius;
            }

            return closed;
        }

        private List<Component> Components(bool[] mask)
        {
            var (labels, sizes) = MaskOps.Label(mask, width, height);
            return Components(mask, labels, sizes);
        }

        private List<Component> Components(bool[] mask, int[] labels, List<int> sizes)
        {
            var pixels = new List<int>[sizes.Count];
            for (var i = 0; i < mask.Length; i++)
            {
                if (labels[i] != 0)
                {
                    (pixels[labels[i]] ??= new List<int>(sizes[labels[i]])).Add(i);
                }
            }

            var list = new List<Component>(sizes.Count);
            for (var label = 1; label < sizes.Count; label++)
            {
                list.Add(new Component(label, pixels[label], width));
            }

            return list;
        }

        private void Add(CutoutDefectKind kind, Box box, double area, double contrast)
        {
            var left = box.Left * shrink;
            var top = box.Top * shrink;
            defects.Add(new CutoutDefect(kind, left, top, ((box.Right + 1) * shrink) - left, ((box.Bottom + 1) * shrink) - top, area, contrast));
        }
    }

    private sealed record PixelClasses(float[] Delta, bool[] ProductLike, bool[] ShadowLike, float[] Texture, float EdgeLimit);

    private readonly record struct Box(int Left, int Top, int Right, int Bottom);

    private sealed class Component(int label, List<int> pixels, int width)
    {
        public int Label { get; } = label;

        public List<int> Pixels { get; } = pixels;

        public int Size => Pixels.Count;

        public Box Bounds
        {
            get
            {
                var (left, top, right, bottom) = (int.MaxValue, int.MaxValue, 0, 0);
                foreach (var i in Pixels)
                {
                    var (x, y) = (i % width, i / width);
                    (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y));
                }

                return new Box(left, top, right, bottom);
            }
        }

        public int Count(Func<int, bool> predicate) => Pixels.Count(predicate);

        public double Mean(float[] values) => Pixels.Average(i => (double)values[i]);
    }
}
