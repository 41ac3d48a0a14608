using System.Runtime.CompilerServices;
namespace ShelfReady.Imaging.Analysis;

/// <summary>
/// A smooth L*a*b* surface fitted to the border of a frame: 1, u, v, u², uv, v² and r⁴ per channel over
/// coordinates normalised to [-1, 1]. Those terms cover flat sweeps, linear and radial gradients and lens
/// vignetting, while staying too stiff to follow a product that touches the border.
/// </summary>
internal sealed class BackgroundSurface
{
    private const int Terms = 7;
    private const int RobustRounds = 2;
    private readonly double[][] coefficients;

    private BackgroundSurface(double[][] coefficients, double residualSigma)
    {
        this.coefficients = coefficients;
        ResidualSigma = residualSigma;
    }

    /// <summary>Robust spread (ΔE76) of the border pixels around the surface: noise plus misfit.</summary>
    public double ResidualSigma { get; }

    public static BackgroundSurface Fit(LabPlanes planes, int border) =>
        FitSamples(planes, BorderSamples(planes.Width, planes.Height, Math.Max(1, border)));

    /// <summary>Fits the surface to chosen pixel indices, rejecting outliers in two robust rounds.</summary>
    public static BackgroundSurface FitSamples(LabPlanes planes, int[] samples)
    {
        var keep = new bool[samples.Length];
        Array.Fill(keep, true);
        var coefficients = Solve(planes, samples, keep);
        var sigma = 0.0;
        for (var round = 0; round < RobustRounds; round++)
        {
            var residuals = Residuals(planes, samples, coefficients);
            sigma = RobustSigma(residuals);
            var limit = Math.Max(1.5, 3 * sigma);
            for (var i = 0; i < samples.Length; i++)
            {
                keep[i] = residuals[i] <= limit;
            }

            coefficients = Solve(planes, samples, keep);
        }

        return new BackgroundSurface(coefficients, RobustSigma(Residuals(planes, samples, coefficients)));
    }

    /// <summary>Value of one channel (0 = L, 1 = a, 2 = b) at normalised coordinates.</summary>
    public double Evaluate(int channel, double u, double v) => Dot(coefficients[channel], Basis(u, v));

    /// <summary>ΔE76 between a pixel of <paramref name="planes"/> and the surface.</summary>
    public double Residual(LabPlanes planes, int index)
    {
        var u = Normalise(index % planes.Width, planes.Width);
        var v = Normalise(index / planes.Width, planes.Height);
        var dl = planes.L[index] - Evaluate(0, u, v);
        var da = planes.A[index] - Evaluate(1, u, v);
        var db = planes.B[index] - Evaluate(2, u, v);
        return Math.Sqrt((dl * dl) + (da * da) + (db * db));
    }

    /// <summary>The linear coefficients (d/du, d/dv) of one channel.</summary>
    public (double U, double V) Slope(int channel) => (coefficients[channel][1], coefficients[channel][2]);

    /// <summary>Renders the surface over a width × height grid, one plane per channel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[][] Render(int width, int height)
    {
        var planes = new[] { new float[width * height], new float[width * height], new float[width * height] };
        var us = new double[width];
        for (var x = 0; x < width; x++)
        {
            us[x] = Normalise(x, width);
        }

        for (var channel = 0; channel < 3; channel++)
        {
            var c = coefficients[channel];
            var plane = planes[channel];
            for (var y = 0; y < height; y++)
            {
                // Per row the surface is a quartic in u; collecting the v terms first keeps the inner loop short.
                var v = Normalise(y, height);
                var v2 = v * v;
                var k0 = c[0] + (c[2] * v) + (c[5] * v2) + (c[6] * v2 * v2);
                var k1 = c[1] + (c[4] * v);
                var k2 = c[3] + (2 * c[6] * v2);
                var k4 = c[6];
                var row = y * width;
                for (var x = 0; x < width; x++)
                {
                    var u = us[x];
                    var u2 = u * u;
                    plane[row + x] = (float)(k0 + (k1 * u) + (k2 * u2) + (k4 * u2 * u2));
                }
            }
        }

        return planes;
    }

    public static double Normalise(int index, int size) => (((index + 0.5) / size) * 2) - 1;

    private static double[] Basis(double u, double v)
    {
        var basis = new double[Terms];
        Basis(u, v, basis);
        return basis;
    }

    private static void Basis(double u, double v, Span<double> basis)
    {
        var r2 = (u * u) + (v * v);
        basis[0] = 1;
        basis[1] = u;
        basis[2] = v;
        basis[3] = u * u;
        basis[4] = u * v;
        basis[5] = v * v;
        basis[6] = r2 * r2;
    }

    private static double Dot(double[] a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] BorderSamples(int width, int height, int border)
    {
        // About 8 000 samples pin seven terms down far below the noise; more only costs time.
        var stride = Math.Max(1, (int)Math.Round(Math.Sqrt(2.0 * (width + height) * border / 8000)));
        var list = new List<int>();
        for (var y = 0; y < height; y += stride)
        {
            var inBand = y < border || y >= height - border;
            for (var x = 0; x < width; x += stride)
            {
                if (!inBand && x >= border && x < width - border)
                {
                    x = ((width - border + stride - 1) / stride * stride) - stride;
                    continue;
                }

                list.Add((y * width) + x);
            }
        }

        return [.. list];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[][] Solve(LabPlanes planes, int[] samples, bool[] keep)
    {
        // Only the upper triangle of the normal matrix is accumulated; it is symmetric.
        var normal = new double[Terms * Terms];
        var rhs = new double[3 * Terms];
        Span<double> basis = stackalloc double[Terms];
        for (var s = 0; s < samples.Length; s++)
        {
            if (!keep[s])
            {
                continue;
            }

            var index = samples[s];
            Basis(Normalise(index % planes.Width, planes.Width), Normalise(index / planes.Width, planes.Height), basis);
            double l = planes.L[index], a = planes.A[index], b = planes.B[index];
            for (var i = 0; i < Terms; i++)
            {
                var bi = basis[i];
                for (var j = i; j < Terms; j++)
                {
                    normal[(i * Terms) + j] += bi * basis[j];
                }

                rhs[i] += bi * l;
                rhs[Terms + i] += bi * a;
                rhs[(2 * Terms) + i] += bi * b;
            }
        }

        var matrix = new double[Terms, Terms];
        for (var i = 0; i < Terms; i++)
        {
            for (var j = i; j < Terms; j++)
            {
                matrix[i, j] = matrix[j, i] = normal[(i * Terms) + j];
            }
        }

        return [.. Enumerable.Range(0, 3).Select(c => LinearSolve(matrix, rhs[(c * Terms)..((c + 1) * Terms)]))];
    }

    private static double[] LinearSolve(double[,] matrix, double[] rhs)
    {
        var n = rhs.Length;
        var a = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[i, j] = matrix[i, j];
            }

            // A whisper of ridge keeps the system solvable when all samples were rejected as outliers but a few.
            a[i, i] += 1e-6 * (1 + matrix[i, i]);
            a[i, n] = rhs[i];
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (var k = 0; k <= n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            for (var row = 0; row < n; row++)
            {
                if (row == col || a[col, col] == 0)
                {
                    continue;
                }

                var factor = a[row, col] / a[col, col];
                for (var k = col; k <= n; k++)
                {
                    a[row, k] -= factor * a[col, k];
                }
            }
        }

        var solution = new double[n];
        for (var i = 0; i < n; i++)
        {
            solution[i] = a[i, i] == 0 ? 0 : a[i, n] / a[i, i];
        }

        return solution;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] Residuals(LabPlanes planes, int[] samples, double[][] coefficients)
    {
        var residuals = new double[samples.Length];
        Span<double> basis = stackalloc double[Terms];
        for (var s = 0; s < samples.Length; s++)
        {
            var index = samples[s];
            Basis(Normalise(index % planes.Width, planes.Width), Normalise(index / planes.Width, planes.Height), basis);
            var dl = planes.L[index] - Dot(coefficients[0], basis);
            var da = planes.A[index] - Dot(coefficients[1], basis);
            var db = planes.B[index] - Dot(coefficients[2], basis);
            residuals[s] = Math.Sqrt((dl * dl) + (da * da) + (db * db));
        }

        return residuals;
    }

    /// <summary>Median-based spread of non-negative residuals, scaled to a Gaussian σ of one channel.</summary>
    private static double RobustSigma(double[] residuals)
    {
        if (residuals.Length == 0)
        {
            return 0;
        }

        // The median of a 3-D Gaussian radius is 1.538σ.
        return OrderStatistic.Select(((double[])residuals.Clone()).AsSpan(), residuals.Length / 2) / 1.538;
    }
}
