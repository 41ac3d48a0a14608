using System.Text;
using ShelfReady.Pipeline.Activities;

namespace ShelfReady.Pipeline.Tests.Activities;

public sealed class BatchManifestValidatorTests
{
    [Fact]
    public void Read_ImagesWithKnownFields_ListsEachFileOnceInOrder()
    {
        var (files, refusal) = BatchManifestValidator.Read(Utf8("""
            {"images": [{"file": "b.jpg", "sku": "B1", "category": "shoes"}, {"file": "a.jpg", "asin": "B0", "variant": "MAIN", "index": 1}, {"file": "b.jpg"}]}
            """));

        Assert.Null(refusal);
        Assert.Equal(["b.jpg", "a.jpg"], files);
    }

    [Theory]
    [InlineData("""{"files": ["a.jpg"]}""", "'files'")]
    [InlineData("""{"images": [{"file": "a.jpg", "color": "red"}]}""", "'color'")]
    [InlineData("""{"images": []}""", "lists no images")]
    [InlineData("""{}""", "lists no images")]
    [InlineData("""{"images": null}""", "lists no images")]
    [InlineData("""{"images": [{"file": "a.jpg"}, {"sku": "X"}]}""", "images[1]: has no \"file\"")]
    [InlineData("""{"images": [{"file": "../../config/acme/settings.json"}]}""", "not a valid file name")]
    [InlineData("""{"images": [{"file": "sub/a.jpg"}]}""", "not a file name in the batch folder")]
    [InlineData("""["a.jpg"]""", "not a manifest")]
    [InlineData("a.jpg\nb.jpg", "not a manifest")]
    [InlineData("", "not a manifest")]
    public void Read_ManifestItDoesNotUnderstand_IsRefusedWithTheReason(string json, string reasonMentions)
    {
        var (files, refusal) = BatchManifestValidator.Read(Utf8(json));

        Assert.Empty(files);
        Assert.Contains(reasonMentions, refusal, StringComparison.Ordinal);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
