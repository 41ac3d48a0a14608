namespace ShelfReady.Imaging.Synthetic;

/// <summary>Colour of a product surface at a pixel, 8-bit scale.</summary>
internal delegate (float R, float G, float B) Shader(float x, float y);

/// <summary>One shape painted with a shader at an opacity (below 1 for glass).</summary>
internal sealed record Stroke(IShape Shape, Shader Shader, float Opacity = 1f);

/// <summary>
/// The product alone: premultiplied colour and coverage over the product's bounding box, painted stroke by
/// stroke with the "over" operator. Its alpha is the ground truth.
/// </summary>
internal sealed class ProductLayer
{
    private ProductLayer(int left, int top, int width, int height)
    {
        Left = left;
        Top = top;
        Width = width;
        Height = height;
        Alpha = new float[width * height];
        Colour = new float[width * height * 3];
    }

    public int Left { get; }

    public int Top { get; }

    public int Width { get; }

    public int Height { get; }

    public float[] Alpha { get; }

    /// <summary>Premultiplied RGB, interleaved.</summary>
    public float[] Colour { get; }

    public static ProductLayer Rasterize(IReadOnlyList<Stroke> strokes, int frameWidth, int frameHeight)
    {
        var (x0, y0, x1, y1) = Geometry.Enclose(strokes.Select(s => s.Shape.Bounds));
        var left = Math.Clamp((int)MathF.Floor(x0), 0, frameWidth - 1);
        var top = Math.Clamp((int)MathF.Floor(y0), 0, frameHeight - 1);
        var right = Math.Clamp((int)MathF.Ceiling(x1), left + 1, frameWidth);
        var bottom = Math.Clamp((int)MathF.Ceiling(y1), top + 1, frameHeight);
        var layer = new ProductLayer(left, top, right - left, bottom - top);
        foreach (var stroke in strokes)
        {
            layer.Paint(stroke);
        }

        return layer;
    }

    /// <summary>Alpha at frame coordinates; 0 outside the layer.</summary>
    public float AlphaAt(int x, int y)
    {
        var lx = x - Left;
        var ly = y - Top;
        return lx < 0 || ly < 0 || lx >= Width || ly >= Height ? 0 : Alpha[(ly * Width) + lx];
    }

    /// <summary>
    /// Paints tile by tile: one distance at a tile's centre tells whether the whole tile lies clear of the edge
    /// (signed distances change by at most one per pixel), which skips most evaluations on large shapes.
    /// </summary>
    private void Paint(Stroke stroke)
    {
        const int Tile = 8;
        const float Clearance = (Tile * 0.75f) + 2;
        var (bx0, by0, bx1, by1) = stroke.Shape.Bounds;
        var x0 = Math.Max(Left, (int)MathF.Floor(bx0));
        var y0 = Math.Max(Top, (int)MathF.Floor(by0));
        var x1 = Math.Min(Left + Width, (int)MathF.Ceiling(bx1));
        var y1 = Math.Min(Top + Height, (int)MathF.Ceiling(by1));
        for (var ty = y0; ty < y1; ty += Tile)
        {
            for (var tx = x0; tx < x1; tx += Tile)
            {
                var tileX1 = Math.Min(tx + Tile, x1);
                var tileY1 = Math.Min(ty + Tile, y1);
                var centre = stroke.Shape.Distance((tx + tileX1) / 2f, (ty + tileY1) / 2f);
                if (centre > Clearance)
                {
                    continue;
                }

                PaintTile(stroke, tx, ty, tileX1, tileY1, fullyInside: centre < -Clearance);
            }
        }
    }

    private void PaintTile(Stroke stroke, int x0, int y0, int x1, int y1, bool fullyInside)
    {
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                var px = x + 0.5f;
                var py = y + 0.5f;
                var coverage = (fullyInside ? 1f : Math.Clamp(0.5f - stroke.Shape.Distance(px, py), 0f, 1f)) * stroke.Opacity;
                if (coverage <= 0)
                {
                    continue;
                }

                var (r, g, b) = stroke.Shader(px, py);
                var i = ((y - Top) * Width) + (x - Left);
                var keep = 1 - coverage;
                Alpha[i] = coverage + (Alpha[i] * keep);
                Colour[(i * 3) + 0] = (r * coverage) + (Colour[(i * 3) + 0] * keep);
                Colour[(i * 3) + 1] = (g * coverage) + (Colour[(i * 3) + 1] * keep);
                Colour[(i * 3) + 2] = (b * coverage) + (Colour[(i * 3) + 2] * keep);
            }
        }
    }
}
