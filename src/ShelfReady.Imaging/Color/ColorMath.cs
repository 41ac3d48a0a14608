namespace ShelfReady.Imaging.Color;

/// <summary>
/// sRGB ↔ CIE L*a*b* (D65) and colour differences. Formulas: IEC 61966-2-1 for the sRGB transfer curve,
/// CIE 15 for Lab, Sharma, Wu and Dalal (2005) for CIEDE2000.
/// </summary>
public static class ColorMath
{
    private const double WhiteX = 0.95047;
    private const double WhiteY = 1.0;
    private const double WhiteZ = 1.08883;

    private static readonly double[] LinearFromByte = BuildLinearTable();

    /// <summary>Linear-light value (0–1) of an 8-bit sRGB sample.</summary>
    public static double SrgbToLinear(byte value) => LinearFromByte[value];

    /// <summary>Converts an 8-bit sRGB colour to L*a*b* under D65.</summary>
    public static Lab ToLab(byte r, byte g, byte b)
    {
        var lr = LinearFromByte[r];
        var lg = LinearFromByte[g];
        var lb = LinearFromByte[b];
        var x = ((0.4124564 * lr) + (0.3575761 * lg) + (0.1804375 * lb)) / WhiteX;
        var y = ((0.2126729 * lr) + (0.7151522 * lg) + (0.0721750 * lb)) / WhiteY;
        var z = ((0.0193339 * lr) + (0.1191920 * lg) + (0.9503041 * lb)) / WhiteZ;
        var fx = LabF(x);
        var fy = LabF(y);
        var fz = LabF(z);
        return new Lab((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>CIE76 colour difference: Euclidean distance in Lab. Cheap; use for thresholds in hot loops.</summary>
    public static double DeltaE76(Lab first, Lab second)
    {
        var dl = first.L - second.L;
        var da = first.A - second.A;
        var db = first.B - second.B;
        return Math.Sqrt((dl * dl) + (da * da) + (db * db));
    }

    /// <summary>CIEDE2000 colour difference, the perceptual standard for reporting.</summary>
    public static double DeltaE2000(Lab first, Lab second)
    {
        var c1 = Math.Sqrt((first.A * first.A) + (first.B * first.B));
        var c2 = Math.Sqrt((second.A * second.A) + (second.B * second.B));
        var meanC = (c1 + c2) / 2;
        var meanC7 = Math.Pow(meanC, 7);
        var g = 0.5 * (1 - Math.Sqrt(meanC7 / (meanC7 + Math.Pow(25, 7))));
        var a1 = (1 + g) * first.A;
        var a2 = (1 + g) * second.A;
        var c1p = Math.Sqrt((a1 * a1) + (first.B * first.B));
        var c2p = Math.Sqrt((a2 * a2) + (second.B * second.B));
        var h1p = HueDegrees(first.B, a1);
        var h2p = HueDegrees(second.B, a2);

        var dLp = second.L - first.L;
        var dCp = c2p - c1p;
        var dhp = HueDifference(c1p, c2p, h1p, h2p);
        var dHp = 2 * Math.Sqrt(c1p * c2p) * Math.Sin(DegreesToRadians(dhp / 2));

        var meanL = (first.L + second.L) / 2;
        var meanCp = (c1p + c2p) / 2;
        var meanHp = MeanHue(c1p, c2p, h1p, h2p);
        var t = 1
            - (0.17 * Math.Cos(DegreesToRadians(meanHp - 30)))
            + (0.24 * Math.Cos(DegreesToRadians(2 * meanHp)))
            + (0.32 * Math.Cos(DegreesToRadians((3 * meanHp) + 6)))
            - (0.20 * Math.Cos(DegreesToRadians((4 * meanHp) - 63)));
        var dTheta = 30 * Math.Exp(-Math.Pow((meanHp - 275) / 25, 2));
        var meanCp7 = Math.Pow(meanCp, 7);
        var rc = 2 * Math.Sqrt(meanCp7 / (meanCp7 + Math.Pow(25, 7)));
        var lShift = (meanL - 50) * (meanL - 50);
        var sl = 1 + (0.015 * lShift / Math.Sqrt(20 + lShift));
        var sc = 1 + (0.045 * meanCp);
        var sh = 1 + (0.015 * meanCp * t);
        var rt = -Math.Sin(DegreesToRadians(2 * dTheta)) * rc;

        var termL = dLp / sl;
        var termC = dCp / sc;
        var termH = dHp / sh;
        return Math.Sqrt((termL * termL) + (termC * termC) + (termH * termH) + (rt * termC * termH));
    }

    private static double[] BuildLinearTable()
    {
        var table = new double[256];
        for (var i = 0; i < table.Length; i++)
        {
            var c = i / 255.0;
            table[i] = c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return table;
    }

    private static double LabF(double t) =>
        t > 216.0 / 24389.0 ? Math.Cbrt(t) : ((24389.0 / 27.0 * t) + 16) / 116;

    private static double HueDegrees(double b, double a)
    {
        if (a == 0 && b == 0)
        {
            return 0;
        }

        var h = Math.Atan2(b, a) * 180 / Math.PI;
        return h < 0 ? h + 360 : h;
    }

    private static double HueDifference(double c1, double c2, double h1, double h2)
    {
        if (c1 * c2 == 0)
        {
            return 0;
        }

        var d = h2 - h1;
        return d switch
        {
            > 180 => d - 360,
            < -180 => d + 360,
            _ => d,
        };
    }

    private static double MeanHue(double c1, double c2, double h1, double h2)
    {
        if (c1 * c2 == 0)
        {
            return h1 + h2;
        }

        if (Math.Abs(h1 - h2) <= 180)
        {
            return (h1 + h2) / 2;
        }

        return h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
