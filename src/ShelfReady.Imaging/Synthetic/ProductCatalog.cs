using ShelfReady.Imaging.Analysis;

namespace ShelfReady.Imaging.Synthetic;

/// <summary>The product categories the generator draws, their intrinsic complexity, and how each is built.</summary>
internal static class ProductCatalog
{
    private static readonly (string Name, ProductComplexity Complexity, Func<ProductContext, List<Stroke>> Build)[] Entries =
    [
        ("electronics", ProductComplexity.Simple, Electronics),
        ("books", ProductComplexity.Simple, Book),
        ("home", ProductComplexity.Simple, Jar),
        ("toys", ProductComplexity.Simple, Toy),
        ("cosmetics_tube", ProductComplexity.Medium, Tube),
        ("footwear", ProductComplexity.Medium, Shoe),
        ("apparel", ProductComplexity.Medium, Shirt),
        ("jewelry", ProductComplexity.Complex, Necklace),
        ("fur", ProductComplexity.Complex, Fur),
        ("glassware", ProductComplexity.Complex, Glass),
    ];

    private static readonly RgbColor[] Metals = [new(212, 175, 55), new(190, 192, 198), new(183, 110, 121), new(120, 122, 128)];
    private static readonly RgbColor[] GlassTints = [new(120, 165, 150), new(130, 155, 190), new(175, 135, 85), new(150, 155, 165)];

    public static IReadOnlyList<string> Names { get; } = [.. Entries.Select(e => e.Name)];

    public static ProductComplexity ComplexityOf(string category) => Find(category).Complexity;

    public static IReadOnlyList<string> For(ProductComplexity complexity) =>
        [.. Entries.Where(e => e.Complexity == complexity).Select(e => e.Name)];

    public static List<Stroke> Build(string category, ProductContext context) => Find(category).Build(context);

    private static (string Name, ProductComplexity Complexity, Func<ProductContext, List<Stroke>> Build) Find(string category) =>
        Entries.FirstOrDefault(e => e.Name == category) is { Name: not null } entry
            ? entry
            : throw new ArgumentException($"Unknown category '{category}'. Known: {string.Join(", ", Entries.Select(e => e.Name))}.", nameof(category));

    private static List<Stroke> Electronics(ProductContext c)
    {
        var halfWidth = c.Span(0.18, 0.3);
        var halfHeight = Math.Min(halfWidth * (float)c.Random.Range(0.55, 1.5), 0.34f * c.Size);
        var radius = Math.Min(halfWidth, halfHeight) * (float)c.Random.Range(0.04, 0.2);
        var angle = c.Angle(0.12);
        var body = new RoundedBox(c.CentreX, c.CentreY, halfWidth, halfHeight, radius, angle);
        var screen = new RoundedBox(c.CentreX, c.CentreY, halfWidth * 0.86f, halfHeight * 0.82f, radius * 0.5f, angle);
        return
        [
            new Stroke(body, Shaders.Lit(c.Colour, c.CentreX, c.CentreY, c.Size, c.Shading)),
            new Stroke(screen, Shaders.Lit(c.Accent(0.55), c.CentreX, c.CentreY, c.Size, c.Shading)),
        ];
    }

    private static List<Stroke> Book(ProductContext c)
    {
        var halfWidth = c.Span(0.14, 0.24);
        var halfHeight = Math.Min(halfWidth * (float)c.Random.Range(1.25, 1.6), 0.38f * c.Size);
        var angle = c.Angle(0.15);
        var (bandX, bandY) = c.Place(0, -halfHeight * 0.55f, angle);
        var (spineX, spineY) = c.Place(-halfWidth * 0.93f, 0, angle);
        return
        [
            new Stroke(new RoundedBox(c.CentreX, c.CentreY, halfWidth, halfHeight, 1.5f, angle), Shaders.Lit(c.Colour, c.CentreX, c.CentreY, c.Size, c.Shading)),
            new Stroke(new RoundedBox(bandX, bandY, halfWidth * 0.8f, halfHeight * 0.14f, 1f, angle), Shaders.Flat(c.Accent(1.35))),
            new Stroke(new RoundedBox(spineX, spineY, halfWidth * 0.07f, halfHeight * 0.99f, 0.5f, angle), Shaders.Flat(c.Accent(0.7))),
        ];
    }

    private static List<Stroke> Jar(ProductContext c)
    {
        var halfWidth = c.Span(0.13, 0.22);
        var halfHeight = c.Span(0.2, 0.32);
        var angle = c.Angle(0.05);
        var shader = Shaders.Cylinder(c.Colour, c.CentreX, c.CentreY, halfWidth, angle, c.Shading * 2, c.Specular);
        if (c.Random.Chance(0.5))
        {
            var (lidX, lidY) = c.Place(0, -halfHeight, angle);
            return
            [
                new Stroke(new RoundedBox(c.CentreX, c.CentreY, halfWidth, halfHeight, halfWidth * 0.15f, angle), shader),
                new Stroke(new RoundedBox(lidX, lidY, halfWidth * 1.04f, halfHeight * 0.12f, halfWidth * 0.06f, angle), Shaders.Cylinder(c.Accent(0.6), c.CentreX, c.CentreY, halfWidth, angle, c.Shading * 2, c.Specular)),
            ];
        }

        // A bottle: body, rounded shoulder, neck and cap melt into one silhouette.
        var (shoulderX, shoulderY) = c.Place(0, -halfHeight * 0.55f, angle);
        var (neckX, neckY) = c.Place(0, -halfHeight * 1.05f, angle);
        var (capX, capY) = c.Place(0, -halfHeight * 1.38f, angle);
        var body = new Union(
            new RoundedBox(c.CentreX, c.CentreY, halfWidth, halfHeight * 0.6f, halfWidth * 0.12f, angle),
            new Ellipse(shoulderX, shoulderY, halfWidth, halfHeight * 0.32f, angle),
            new RoundedBox(neckX, neckY, halfWidth * 0.32f, halfHeight * 0.4f, halfWidth * 0.06f, angle));
        return
        [
            new Stroke(body, shader),
            new Stroke(new RoundedBox(capX, capY, halfWidth * 0.3f, halfHeight * 0.1f, halfWidth * 0.05f, angle), Shaders.Flat(c.Accent(0.5))),
        ];
    }

    private static List<Stroke> Toy(ProductContext c)
    {
        var rx = c.Span(0.15, 0.28);
        var ry = rx * (float)c.Random.Range(0.6, 1.3);
        var angle = c.Angle(0.6);
        var shader = Shaders.Lit(c.Colour, c.CentreX, c.CentreY, c.Size, c.Shading);
        if (c.Random.Chance(0.5))
        {
            return [new Stroke(new Ellipse(c.CentreX, c.CentreY, rx, ry, angle), shader)];
        }

        // Points on an ellipse in angular order form a convex polygon: an irregular but hard-edged block.
        var count = 5 + c.Random.Next(4);
        var start = c.Random.Range(0, Math.PI);
        var vertices = Enumerable.Range(0, count)
            .Select(i => start + ((2 * Math.PI * (i + c.Random.Range(-0.25, 0.25))) / count))
            .Select(t => c.Place(rx * (float)Math.Cos(t), ry * (float)Math.Sin(t), angle))
            .ToList();
        return [new Stroke(new Polygon(vertices), shader)];
    }

    private static List<Stroke> Tube(ProductContext c)
    {
        var length = c.Span(0.5, 0.68);
        var crimpWidth = length * (float)c.Random.Range(0.34, 0.44);
        var capWidth = crimpWidth * (float)c.Random.Range(0.45, 0.6);
        var capLength = length * 0.12f;
        var angle = c.Angle(0.3);
        var pitch = c.Size * 0.016f;
        var depth = c.Size * (float)c.Random.Range(0.016, 0.024);
        var top = -length / 2;
        var bottom = (length / 2) - capLength;

        // The crimped end is serrated like a real heat-sealed tube; the serration is the fine detail.
        var teeth = Math.Max(4, (int)(crimpWidth / pitch));
        var outline = new List<(float X, float Y)>();
        for (var i = 0; i <= teeth * 2; i++)
        {
            var u = (-crimpWidth / 2) + (crimpWidth * i / (teeth * 2));
            outline.Add(c.Place(u, top - (i % 2 == 1 ? depth : 0), angle));
        }

        outline.Add(c.Place(capWidth / 2, bottom, angle));
        outline.Add(c.Place(-capWidth / 2, bottom, angle));
        var (capX, capY) = c.Place(0, bottom + (capLength / 2), angle);
        var halfWidth = (crimpWidth + capWidth) / 4;
        return
        [
            new Stroke(new Polygon(outline), Shaders.Cylinder(c.Colour, c.CentreX, c.CentreY, halfWidth, angle, c.Shading * 2, c.Specular)),
            new Stroke(new RoundedBox(capX, capY, capWidth * 0.55f, capLength / 2, capWidth * 0.08f, angle), Shaders.Cylinder(c.Accent(0.8), capX, capY, capWidth * 0.55f, angle, c.Shading * 2, c.Specular)),
        ];
    }

    private static List<Stroke> Shoe(ProductContext c)
    {
        var length = c.Span(0.6, 0.75);
        var height = length * (float)c.Random.Range(0.36, 0.46);
        var angle = c.Angle(0.08);
        var mirror = c.Random.Chance(0.5) ? -1f : 1f;
        (float X, float Y) At(float u, float v) => c.Place(mirror * (u - 0.5f) * length, (0.5f - v) * height, angle);

        (float U, float V)[] upper = [(0.02f, 0.1f), (0f, 0.6f), (0.04f, 0.98f), (0.22f, 1f), (0.3f, 0.86f), (0.45f, 0.72f), (0.62f, 0.54f), (0.8f, 0.4f), (0.95f, 0.28f), (1f, 0.12f), (0.98f, 0.1f)];
        var (soleX, soleY) = At(0.5f, 0.07f);
        var strokes = new List<Stroke>
        {
            new(new Polygon([.. upper.Select(p => At(p.U, p.V))]), Shaders.Fabric(c.Colour, c.Size * 0.006f, (uint)c.Random.Next(1 << 20), c.Shading * 0.5f)),
            new(new RoundedBox(soleX, soleY, length * 0.51f, height * 0.08f, height * 0.06f, angle), Shaders.Flat(c.Accent(0.5))),
        };

        // Laces: thin strands crossing the throat, a bow with two loops and loose ends standing off the shoe.
        var lace = Shaders.Flat(c.Accent(0.45));
        var wire = c.Size * 0.0026f;
        for (var i = 0; i < 5; i++)
        {
            var t = 0.3f + (i * 0.075f);
            var (ax, ay) = At(t, 1.02f - (i * 0.085f));
            var (bx, by) = At(t + 0.06f, 0.9f - (i * 0.085f));
            strokes.Add(new Stroke(new Capsule(ax, ay, bx, by, wire, wire), lace));
        }

        var (knotX, knotY) = At(0.3f, 1.0f);
        foreach (var side in new[] { -1f, 1f })
        {
            var loopAngle = angle + (side * 0.6f);
            var (lx, ly) = (knotX + (side * c.Size * 0.03f), knotY - (c.Size * 0.035f));
            strokes.Add(new Stroke(new Ring(new Ellipse(lx, ly, c.Size * 0.032f, c.Size * 0.017f, loopAngle), wire * 2), lace));
            strokes.Add(new Stroke(new Capsule(knotX, knotY, knotX + (side * c.Size * 0.035f), knotY + (c.Size * 0.07f), wire, wire * 0.8f), lace));
        }

        return strokes;
    }

    private static List<Stroke> Shirt(ProductContext c)
    {
        var width = c.Span(0.5, 0.62);
        var height = Math.Min(width * (float)c.Random.Range(1.0, 1.12), 0.72f * c.Size);
        var angle = c.Angle(0.06);
        var top = -height * 0.52f;
        (float X, float Y) At(float u, float v) => c.Place(u * width, top + (v * height), angle);
        (float U, float V)[] outline = [(-0.12f, 0f), (-0.06f, 0.07f), (0.06f, 0.07f), (0.12f, 0f), (0.3f, 0.04f), (0.5f, 0.22f), (0.4f, 0.34f), (0.3f, 0.27f), (0.3f, 0.94f), (-0.3f, 0.94f), (-0.3f, 0.27f), (-0.4f, 0.34f), (-0.5f, 0.22f), (-0.3f, 0.04f)];
        var fabric = Shaders.Fabric(c.Colour, c.Size * 0.005f, (uint)c.Random.Next(1 << 20), Math.Max(c.Shading * 0.5f, 0.01f));
        var strokes = new List<Stroke> { new(new Polygon([.. outline.Select(p => At(p.U, p.V))]), fabric) };

        // A fringed hem: tassels a few pixels wide, the detail that makes apparel harder than a box.
        var spacing = c.Size * 0.03f / width;
        var radius = c.Size * 0.0028f;
        for (var u = -0.29f; u <= 0.29f; u += spacing)
        {
            var (ax, ay) = At(u, 0.93f);
            var (bx, by) = At(u + (float)c.Random.Range(-0.01, 0.01), 0.94f + ((float)c.Random.Range(0.03, 0.055) * c.Size / height));
            strokes.Add(new Stroke(new Capsule(ax, ay, bx, by, radius, radius * 0.7f), Shaders.Tinted(c.Colour, (float)c.Random.Range(0.97, 1.03))));
        }

        return strokes;
    }

    private static List<Stroke> Necklace(ProductContext c)
    {
        var metal = c.Random.Pick(Metals);
        var seed = (uint)c.Random.Next(1 << 20);
        var span = c.Span(0.55, 0.8);
        var depth = c.Span(0.3, 0.45);
        var pitch = c.Size * (float)c.Random.Range(0.009, 0.013);
        var wire = c.Size * (float)c.Random.Range(0.0022, 0.0032);
        var strokes = new List<Stroke>();
        (float X, float Y) Curve(float t) => (c.CentreX + (span * (t - 0.5f)), c.CentreY - (depth * 0.55f) + (depth * (1 - ((2 * t) - 1) * ((2 * t) - 1))));

        var thinWire = c.Random.Chance(0.3);
        var steps = (int)(span * 2.2f / pitch);
        var previous = Curve(0);
        for (var i = 1; i <= steps; i++)
        {
            var point = Curve((float)i / steps);
            if (thinWire)
            {
                strokes.Add(new Stroke(new Capsule(previous.X, previous.Y, point.X, point.Y, wire * 0.7f, wire * 0.7f), Shaders.Metal(metal, seed)));
            }
            else
            {
                // Links alternate between face-on rings and edge-on slivers, like a real cable chain.
                var tangent = MathF.Atan2(point.Y - previous.Y, point.X - previous.X);
                var link = new Ellipse((point.X + previous.X) / 2, (point.Y + previous.Y) / 2, pitch * 0.75f, pitch * (i % 2 == 0 ? 0.42f : 0.15f), tangent);
                strokes.Add(new Stroke(new Ring(link, wire), Shaders.Metal(metal, seed)));
            }

            previous = point;
        }

        var (px, py) = Curve(0.5f);
        var gem = c.Span(0.025, 0.04);
        strokes.Add(new Stroke(new Ring(new Ellipse(px, py + (gem * 0.4f), gem * 0.3f, gem * 0.3f, 0), wire), Shaders.Metal(metal, seed)));
        strokes.Add(new Stroke(new Ellipse(px, py + (gem * 1.5f), gem * 0.75f, gem, 0), Shaders.Lit(c.Colour, px, py, gem * 4, 0.3f)));
        return strokes;
    }

    private static List<Stroke> Fur(ProductContext c)
    {
        var rx = c.Span(0.18, 0.26);
        var ry = rx * (float)c.Random.Range(0.6, 0.9);
        var seed = (uint)c.Random.Next(1 << 20);
        var strokes = new List<Stroke>
        {
            new(new Ellipse(c.CentreX, c.CentreY, rx, ry, 0), Shaders.Fabric(c.Colour, c.Size * 0.004f, seed, 0.12f)),
        };

        // Hairs leave the body along the normal, each tapering to a sub-pixel tip: partial alpha by construction.
        var perimeter = MathF.PI * (rx + ry);
        var count = (int)(perimeter / (c.Size * 0.0025f));
        for (var i = 0; i < count; i++)
        {
            var t = c.Random.Range(0, 2 * Math.PI);
            var bx = c.CentreX + (rx * 0.96f * (float)Math.Cos(t));
            var by = c.CentreY + (ry * 0.96f * (float)Math.Sin(t));
            var normal = MathF.Atan2(rx * (float)Math.Sin(t), ry * (float)Math.Cos(t)) + c.Angle(0.6);
            var length = c.Span(0.025, 0.07);
            var tipX = bx + (length * MathF.Cos(normal));
            var tipY = by + (length * MathF.Sin(normal));
            strokes.Add(new Stroke(new Capsule(bx, by, tipX, tipY, c.Size * (float)c.Random.Range(0.0018, 0.003), 0.3f), Shaders.Tinted(c.Colour, (float)c.Random.Range(0.8, 1.15))));
        }

        return strokes;
    }

    private static List<Stroke> Glass(ProductContext c)
    {
        var tint = c.Random.Pick(GlassTints);
        var halfTop = c.Span(0.14, 0.2);
        var halfBottom = halfTop * (float)c.Random.Range(0.72, 0.9);
        var height = c.Span(0.45, 0.6);
        var angle = c.Angle(0.05);
        var outline = new Polygon([c.Place(-halfTop, -height / 2, angle), c.Place(halfTop, -height / 2, angle), c.Place(halfBottom, height / 2, angle), c.Place(-halfBottom, height / 2, angle)]);
        var wall = c.Size * 0.009f;
        var (baseX, baseY) = c.Place(0, (height / 2) - (height * 0.05f), angle);
        var (hx0, hy0) = c.Place(-halfTop * 0.45f, -height * 0.35f, angle);
        var (hx1, hy1) = c.Place(-halfBottom * 0.45f, height * 0.3f, angle);

        // Glass transmits most of the backdrop: low opacity inside, denser walls and base, a white glint.
        return
        [
            new Stroke(outline, Shaders.Flat(tint), (float)c.Random.Range(0.16, 0.3)),
            new Stroke(new Ring(outline, wall), Shaders.Flat(Darken(tint, 0.7)), (float)c.Random.Range(0.6, 0.8)),
            new Stroke(new RoundedBox(baseX, baseY, halfBottom * 0.95f, height * 0.05f, wall, angle), Shaders.Flat(Darken(tint, 0.8)), 0.55f),
            new Stroke(new Capsule(hx0, hy0, hx1, hy1, wall * 0.8f, wall * 0.5f), Shaders.Flat(new RgbColor(255, 255, 255)), 0.45f),
        ];
    }

    private static RgbColor Darken(RgbColor colour, double factor) => new(colour.R * factor, colour.G * factor, colour.B * factor);
}
