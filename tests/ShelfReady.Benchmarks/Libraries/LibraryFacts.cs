using System.Reflection;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Icc;
using SixLabors.ImageSharp.PixelFormats;
using NetVipsImage = NetVips.Image;
using SharpImage = SixLabors.ImageSharp.Image;

namespace ShelfReady.Benchmarks.Libraries;

/// <summary>
/// Checks, rather than assumes, what each library does with bit depth and ICC profiles: every output is read
/// back with libvips, which reports the band format and any embedded profile as the file holds them.
/// </summary>
internal static class LibraryFacts
{
    private const string IccField = "icc-profile-data";

    public static void Print(string photoFile)
    {
        Console.WriteLine($"16-bit TIFF: ImageSharp (Rgb48 image, TiffEncoder Bit48) writes {ImageSharpTiffBits(photoFile)}-bit samples; NetVips (ushort image) writes {NetVipsTiffBits(photoFile)}-bit");
        var tagged = ProfiledJpeg(photoFile);
        Console.WriteLine($"ICC profile: the source JPEG carries one: {Carries(tagged)}; ImageSharp's decoder read it: {SharpImage.Identify(tagged).Metadata.IccProfile is not null}");
        Console.WriteLine($"  kept by ImageSharp: {KeptByImageSharp(tagged)}");
        Console.WriteLine($"  kept by NetVips:    {KeptByNetVips(tagged)}");
        Console.WriteLine($"ICC conversion: public ImageSharp methods that take an IccProfile: {IccMethods()}");
    }

    private static int ImageSharpTiffBits(string photoFile)
    {
        using var wide = SharpImage.Load<Rgb48>(photoFile);
        using var output = new MemoryStream();
        wide.Save(output, new TiffEncoder { BitsPerPixel = TiffBitsPerPixel.Bit48 });
        return BitsPerSample(output.ToArray());
    }

    private static int NetVipsTiffBits(string photoFile)
    {
        using var photo = NetVipsImage.NewFromFile(photoFile);
        using var wide = photo.Cast(NetVips.Enums.BandFormat.Ushort);
        return BitsPerSample(wide.TiffsaveBuffer());
    }

    private static int BitsPerSample(byte[] tiff)
    {
        using var written = NetVipsImage.TiffloadBuffer(tiff);
        return written.Format switch
        {
            NetVips.Enums.BandFormat.Uchar => 8,
            NetVips.Enums.BandFormat.Ushort => 16,
            var other => throw new InvalidOperationException($"Unexpected TIFF band format {other}."),
        };
    }

    // A wide-gamut (Display P3) tag is what a camera or a retoucher's export would bring, and what must not be
    // lost: without it the pixels are read as sRGB and shift colour.
    private static byte[] ProfiledJpeg(string photoFile)
    {
        using var small = NetVipsImage.Thumbnail(photoFile, 1000);
        using var p3 = small.IccTransform("p3", inputProfile: "srgb");
        return p3.JpegsaveBuffer(q: 90);
    }

    private static string KeptByImageSharp(byte[] tagged)
    {
        using var image = SharpImage.Load<Rgb24>(tagged);
        return $"JPEG {YesNo(ImageSharpSave(image, new JpegEncoder()))}, PNG {YesNo(ImageSharpSave(image, new PngEncoder()))}, WEBP {YesNo(ImageSharpSave(image, new WebpEncoder()))}";
    }

    private static byte[] ImageSharpSave(SharpImage image, IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }

    private static string KeptByNetVips(byte[] tagged)
    {
        using var image = NetVipsImage.JpegloadBuffer(tagged);
        return $"JPEG {YesNo(image.JpegsaveBuffer())}, PNG {YesNo(image.PngsaveBuffer())}, WEBP {YesNo(image.WebpsaveBuffer())}";
    }

    private static string YesNo(byte[] file) => Carries(file) ? "yes" : "no";

    private static bool Carries(byte[] file)
    {
        using var image = NetVipsImage.NewFromBuffer(file);
        return image.Contains(IccField);
    }

    // A converter would have to take a profile; if the only public methods that do are the metadata property
    // setters, the library can attach a profile but not convert pixels between profiles.
    private static string IccMethods()
    {
        var methods = typeof(IccProfile).Assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetParameters().Any(parameter => parameter.ParameterType == typeof(IccProfile)))
            .ToList();
        var names = string.Join(", ", methods.Select(method => $"{method.DeclaringType!.Name}.{method.Name}").Distinct());
        var settersOnly = methods.TrueForAll(method => method.IsSpecialName && method.Name.StartsWith("set_", StringComparison.Ordinal));
        return settersOnly ? $"only metadata setters ({names}): no profile conversion" : names;
    }
}
