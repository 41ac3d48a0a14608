using ShelfReady.Imaging.Loading;

namespace ShelfReady.Imaging.Tests.Loading;

public sealed class FormatSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, ImageFormat.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, ImageFormat.Png)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, ImageFormat.Gif)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, ImageFormat.WebP)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0, 8, 0, 0, 0, 0, 0 }, ImageFormat.Tiff)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0, 0x10, 0, 0, 0, 0x43, 0x52 }, ImageFormat.CameraRaw)]
    [InlineData(new byte[] { 0x49, 0x49, 0x55, 0, 8, 0, 0, 0 }, ImageFormat.CameraRaw)]
    [InlineData(new byte[] { 0x42, 0x4D, 0, 0 }, ImageFormat.Unknown)]
    public void Detect_Signature_RecognisesFormat(byte[] header, ImageFormat expected)
    {
        Assert.Equal(expected, FormatSniffer.Detect(header).Format);
    }

    [Theory]
    [InlineData("avif", ImageFormat.Avif)]
    [InlineData("heic", ImageFormat.Heic)]
    [InlineData("crx ", ImageFormat.CameraRaw)]
    [InlineData("isom", ImageFormat.Unknown)]
    public void Detect_IsoMediaBrand_SeparatesAvifHeicAndCr3(string brand, ImageFormat expected)
    {
        var file = new byte[32];
        file[3] = 20;
        "ftyp"u8.CopyTo(file.AsSpan(4));
        System.Text.Encoding.ASCII.GetBytes(brand).CopyTo(file, 8);
        System.Text.Encoding.ASCII.GetBytes(brand).CopyTo(file, 16);

        Assert.Equal(expected, FormatSniffer.Detect(file).Format);
    }

    [Fact]
    public void Detect_TiffWithDngVersion_IsCameraRaw()
    {
        var result = FormatSniffer.Detect(TestFiles.DngSkeleton());

        Assert.Equal(ImageFormat.CameraRaw, result.Format);
        Assert.Equal("Adobe DNG", result.Detail);
    }

    [Fact]
    public void Detect_TiffWithHostileIfdOffsets_DoesNotThrow()
    {
        var file = TestFiles.DngSkeleton();
        // Point IFD0 past the end of the file, then at itself: both must end the walk quietly.
        BitConverter.GetBytes(int.MaxValue).CopyTo(file, 4);
        var pastEnd = FormatSniffer.Detect(file);
        BitConverter.GetBytes(8).CopyTo(file, 4);
        BitConverter.GetBytes((ushort)0xFFFF).CopyTo(file, 8);

        Assert.Equal(ImageFormat.Tiff, pastEnd.Format);
        Assert.NotEqual(ImageFormat.Unknown, FormatSniffer.Detect(file).Format);
    }
}
