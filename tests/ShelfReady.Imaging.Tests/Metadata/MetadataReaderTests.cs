using System.Text;
using NetVips;
using ShelfReady.Imaging.Metadata;
using ShelfReady.Imaging.Tests.Loading;

namespace ShelfReady.Imaging.Tests.Metadata;

public sealed class MetadataReaderTests
{
    private const string Xmp = """
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
           <dc:subject><rdf:Bag><rdf:li>sneaker</rdf:li><rdf:li>spring-2027</rdf:li></rdf:Bag></dc:subject>
           <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Red running shoe, left side</rdf:li></rdf:Alt></dc:description>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        """;

    [Fact]
    public void Read_JpegWithExifAndXmp_ExtractsCameraCaptureAndKeywords()
    {
        using var image = TestFiles.MarkedImage();
        using var tagged = image.Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "Canon");
            m.Set(GValue.GStrType, "exif-ifd0-Model", "Canon EOS R5");
            m.Set(GValue.GStrType, "exif-ifd2-DateTimeOriginal", "2026:11:20 14:03:07");
            m.Set(GValue.GStrType, "exif-ifd2-LensModel", "RF100mm F2.8 L MACRO IS USM");
            m.Set(GValue.BlobType, "xmp-data", Encoding.UTF8.GetBytes(Xmp));
        });
        var jpeg = tagged.JpegsaveBuffer(q: 90);

        var metadata = MetadataReader.Read(jpeg);

        Assert.Equal("Canon", metadata.CameraMake);
        Assert.Equal("Canon EOS R5", metadata.CameraModel);
        Assert.Equal("RF100mm F2.8 L MACRO IS USM", metadata.LensModel);
        Assert.Equal(new DateTime(2026, 11, 20, 14, 3, 7), metadata.CaptureTime);
        Assert.Equal(["sneaker", "spring-2027"], metadata.Keywords);
        Assert.Equal("Red running shoe, left side", metadata.Description);
    }

    [Fact]
    public void Read_Garbage_ReturnsEmpty()
    {
        var metadata = MetadataReader.Read("definitely not an image"u8.ToArray());

        Assert.Same(ImageMetadata.Empty, metadata);
    }
}
