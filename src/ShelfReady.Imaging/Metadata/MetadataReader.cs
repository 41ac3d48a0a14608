using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;
using Directory = MetadataExtractor.Directory;

namespace ShelfReady.Imaging.Metadata;

/// <summary>Reads camera and descriptive metadata with MetadataExtractor.</summary>
public static class MetadataReader
{
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>
    /// Reads what it can. Metadata is advisory: a file whose metadata is damaged still has pixels worth
    /// processing, so a failure here yields <see cref="ImageMetadata.Empty"/> instead of an error.
    /// </summary>
    public static ImageMetadata Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        IReadOnlyList<Directory> directories;
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception ex) when (ex is ImageProcessingException or IOException or ArgumentException or InvalidOperationException)
        {
            return ImageMetadata.Empty;
        }

        return FromDirectories(directories);
    }

    private static ImageMetadata FromDirectories(IReadOnlyList<Directory> directories)
    {
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var sub = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var iptc = directories.OfType<IptcDirectory>().FirstOrDefault();
        var xmp = directories.OfType<XmpDirectory>().FirstOrDefault();

        return new ImageMetadata
        {
            CameraMake = Text(ifd0, ExifDirectoryBase.TagMake),
            CameraModel = Text(ifd0, ExifDirectoryBase.TagModel),
            LensModel = Text(sub, ExifDirectoryBase.TagLensModel),
            CaptureTime = CaptureTime(sub),
            WhiteBalance = Description(sub, ExifDirectoryBase.TagWhiteBalanceMode),
            Iso = Integer(sub, ExifDirectoryBase.TagIsoEquivalent),
            Keywords = Keywords(iptc, xmp),
            Description = Text(iptc, IptcDirectory.TagCaption)
                ?? XmpAltText(xmp, "description")
                ?? Text(ifd0, ExifDirectoryBase.TagImageDescription),
            Orientation = Integer(ifd0, ExifDirectoryBase.TagOrientation),
        };
    }

    private static string? Text(Directory? directory, int tag)
    {
        var value = directory?.GetString(tag)?.Trim('\0', ' ');
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? Description(Directory? directory, int tag)
    {
        var value = directory?.GetDescription(tag);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static int? Integer(Directory? directory, int tag) =>
        directory is not null && directory.TryGetInt32(tag, out var value) ? value : null;

    private static DateTime? CaptureTime(Directory? sub)
    {
        var raw = Text(sub, ExifDirectoryBase.TagDateTimeOriginal);
        return DateTime.TryParseExact(raw, "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;
    }

    private static List<string> Keywords(IptcDirectory? iptc, XmpDirectory? xmp)
    {
        var keywords = new List<string>();
        if (iptc?.GetStringArray(IptcDirectory.TagKeywords) is { } fromIptc)
        {
            keywords.AddRange(fromIptc);
        }

        if (xmp?.XmpMeta is { } meta)
        {
            var count = meta.CountArrayItems(DublinCore, "subject");
            for (var i = 1; i <= count; i++)
            {
                keywords.Add(meta.GetArrayItem(DublinCore, "subject", i).Value);
            }
        }

        return keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? XmpAltText(XmpDirectory? xmp, string property)
    {
        var item = xmp?.XmpMeta?.GetLocalizedText(DublinCore, property, null, "x-default");
        return string.IsNullOrWhiteSpace(item?.Value) ? null : item.Value;
    }
}
