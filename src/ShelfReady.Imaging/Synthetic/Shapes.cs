namespace ShelfReady.Imaging.Synthetic;

/// <summary>
/// A 2-D shape as a signed distance in pixels (negative inside). Coverage of a pixel is then
/// clamp(0.5 − distance, 0, 1): analytic anti-aliasing that gives the ground truth its soft edge.
/// </summary>
internal interface IShape
{
    /// <summary>Conservative bounds (x0, y0, x1, y1) in pixels.</summary>
    (float X0, float Y0, float X1, float Y1) Bounds { get; }

    float Distance(float x, float y);
}

internal sealed record RoundedBox(float Cx, float Cy, float HalfWidth, float HalfHeight, float Radius, float Angle) : IShape
{
    public (float X0, float Y0, float X1, float Y1) Bounds
    {
        get
        {
            var extent = MathF.Sqrt((HalfWidth * HalfWidth) + (HalfHeight * HalfHeight)) + 1;
            return (Cx - extent, Cy - extent, Cx + extent, Cy + extent);
        }
    }

    public float Distance(float x, float y)
    {
        var (u, v) = Geometry.Rotate(x - Cx, y - Cy, -Angle);
        var qx = MathF.Abs(u) - (HalfWidth - Radius);
        var qy = MathF.Abs(v) - (HalfHeight - Radius);
        var outside = MathF.Sqrt((MathF.Max(qx, 0) * MathF.Max(qx, 0)) + (MathF.Max(qy, 0) * MathF.Max(qy, 0)));
        return outside + MathF.Min(MathF.Max(qx, qy), 0) - Radius;
    }
}

internal sealed record Ellipse(float Cx, float Cy, float Rx, float Ry, float Angle) : IShape
{
    public (float X0, float Y0, float X1, float Y1) Bounds
    {
        get
        {
            var extent = MathF.Max(Rx, Ry) + 1;
            return (Cx - extent, Cy - extent, Cx + extent, Cy + extent);
        }
    }

    public float Distance(float x, float y)
    {
        var (u, v) = Geometry.Rotate(x - Cx, y - Cy, -Angle);
        var k0 = MathF.Sqrt(((u / Rx) * (u / Rx)) + ((v / Ry) * (v / Ry)));
        var k1 = MathF.Sqrt(((u / (Rx * Rx)) * (u / (Rx * Rx))) + ((v / (Ry * Ry)) * (v / (Ry * Ry))));
        return k1 == 0 ? -MathF.Min(Rx, Ry) : k0 * (k0 - 1) / k1;
    }
}

/// <summary>A segment with radii that taper from one end to the other: chain wire, hairs, laces, tassels.</summary>
internal sealed record Capsule(float Ax, float Ay, float Bx, float By, float RadiusA, float RadiusB) : IShape
{
    public (float X0, float Y0, float X1, float Y1) Bounds
    {
        get
        {
            var r = MathF.Max(RadiusA, RadiusB) + 1;
            return (MathF.Min(Ax, Bx) - r, MathF.Min(Ay, By) - r, MathF.Max(Ax, Bx) + r, MathF.Max(Ay, By) + r);
        }
    }

    public float Distance(float x, float y)
    {
        var pax = x - Ax;
        var pay = y - Ay;
        var bax = Bx - Ax;
        var bay = By - Ay;
        var lengthSquared = (bax * bax) + (bay * bay);
        var h = lengthSquared == 0 ? 0 : Math.Clamp(((pax * bax) + (pay * bay)) / lengthSquared, 0, 1);
        var dx = pax - (bax * h);
        var dy = pay - (bay * h);
        return MathF.Sqrt((dx * dx) + (dy * dy)) - (RadiusA + ((RadiusB - RadiusA) * h));
    }
}

/// <summary>Exact signed distance to a simple polygon (winding-number sign), after Inigo Quilez.</summary>
internal sealed class Polygon : IShape
{
    private readonly (float X, float Y)[] vertices;

    public Polygon(IReadOnlyList<(float X, float Y)> vertices)
    {
        this.vertices = [.. vertices];
        Bounds = (this.vertices.Min(v => v.X) - 1, this.vertices.Min(v => v.Y) - 1, this.vertices.Max(v => v.X) + 1, this.vertices.Max(v => v.Y) + 1);
    }

    public (float X0, float Y0, float X1, float Y1) Bounds { get; }

    public float Distance(float x, float y)
    {
        var d = float.MaxValue;
        var sign = 1f;
        for (int i = 0, j = vertices.Length - 1; i < vertices.Length; j = i, i++)
        {
            var (vix, viy) = vertices[i];
            var (vjx, vjy) = vertices[j];
            var ex = vjx - vix;
            var ey = vjy - viy;
            var wx = x - vix;
            var wy = y - viy;
            var h = Math.Clamp(((wx * ex) + (wy * ey)) / ((ex * ex) + (ey * ey)), 0, 1);
            var bx = wx - (ex * h);
            var by = wy - (ey * h);
            d = MathF.Min(d, (bx * bx) + (by * by));
            var c1 = y >= viy;
            var c2 = y < vjy;
            var c3 = ex * wy > ey * wx;
            if ((c1 && c2 && c3) || (!c1 && !c2 && !c3))
            {
                sign = -sign;
            }
        }

        return sign * MathF.Sqrt(d);
    }
}

/// <summary>Union (minimum distance) of several shapes.</summary>
internal sealed class Union(params IShape[] parts) : IShape
{
    public (float X0, float Y0, float X1, float Y1) Bounds { get; } = Geometry.Enclose(parts.Select(p => p.Bounds));

    public float Distance(float x, float y)
    {
        var d = float.MaxValue;
        foreach (var part in parts)
        {
            d = MathF.Min(d, part.Distance(x, y));
        }

        return d;
    }
}

/// <summary>A shape with another cut away (a neckline, the inside of a glass).</summary>
internal sealed record Difference(IShape Outer, IShape Cut) : IShape
{
    public (float X0, float Y0, float X1, float Y1) Bounds => Outer.Bounds;

    public float Distance(float x, float y) => MathF.Max(Outer.Distance(x, y), -Cut.Distance(x, y));
}

/// <summary>The outline of a shape drawn with a stroke: chain links, lace loops.</summary>
internal sealed record Ring(IShape Inner, float Thickness) : IShape
{
    public (float X0, float Y0, float X1, float Y1) Bounds
    {
        get
        {
            var (x0, y0, x1, y1) = Inner.Bounds;
            return (x0 - Thickness, y0 - Thickness, x1 + Thickness, y1 + Thickness);
        }
    }

    public float Distance(float x, float y) => MathF.Abs(Inner.Distance(x, y)) - (Thickness / 2);
}

internal static class Geometry
{
    public static (float X, float Y) Rotate(float x, float y, float angle)
    {
        var c = MathF.Cos(angle);
        var s = MathF.Sin(angle);
        return ((x * c) - (y * s), (x * s) + (y * c));
    }

    public static (float X0, float Y0, float X1, float Y1) Enclose(IEnumerable<(float X0, float Y0, float X1, float Y1)> boxes)
    {
        var list = boxes.ToList();
        return (list.Min(b => b.X0), list.Min(b => b.Y0), list.Max(b => b.X1), list.Max(b => b.Y1));
    }
}
