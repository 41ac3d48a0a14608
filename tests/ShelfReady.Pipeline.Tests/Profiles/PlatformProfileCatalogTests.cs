using ShelfReady.Imaging.Encoders;
using ShelfReady.Pipeline.Profiles;

namespace ShelfReady.Pipeline.Tests.Profiles;

public sealed class PlatformProfileCatalogTests
{
    private readonly PlatformProfileCatalog catalog = PlatformProfileCatalog.Builtin();

    [Fact]
    public void Builtin_HasTheFiveMarketplacesAndTheCutout()
    {
        Assert.Equal(
            ["amazon_main", "amazon_secondary", "cutout", "google_shopping", "print_catalog", "shopify"],
            catalog.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Builtin_AmazonMain_IsPureWhiteJpegQ95At2000WithSource()
    {
        var amazon = catalog.Get("amazon_main");

        Assert.Equal(BackgroundRule.PureWhite, amazon.Background);
        Assert.Equal(0.85, amazon.TargetFill);
        Assert.Equal(2000, amazon.LongSide);
        var output = Assert.Single(amazon.Outputs);
        Assert.Equal((OutputFormat.Jpeg, 95, EmbeddedProfile.Srgb, 10_000_000L), (output.Format, output.Quality, output.ColorProfile, output.MaxBytes!.Value));
        Assert.Contains("Seller Central", amazon.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Builtin_Shopify_IsWebPPlusJpegFallback()
    {
        var shopify = catalog.Get("shopify");

        Assert.Equal([OutputFormat.WebP, OutputFormat.Jpeg], shopify.Outputs.Select(o => o.Format));
        Assert.Equal(2048, shopify.LongSide);
        Assert.True(shopify.Square);
    }

    [Fact]
    public void Builtin_Print_Is16BitAdobeRgbTiffAt300Dpi()
    {
        var output = Assert.Single(catalog.Get("print_catalog").Outputs);

        Assert.Equal((OutputFormat.Tiff, 16, EmbeddedProfile.AdobeRgb1998, 300), (output.Format, output.BitDepth, output.ColorProfile, output.Dpi!.Value));
    }

    [Fact]
    public void Builtin_Cutout_IsATransparentPngAtNativeResolutionOffByDefault()
    {
        var cutout = catalog.Get("cutout");

        Assert.Equal(BackgroundRule.Transparent, cutout.Background);
        Assert.DoesNotContain("cutout", ShelfReady.Pipeline.Settings.MerchantSettings.Default.Platforms);
        Assert.Null(cutout.LongSide);
        Assert.False(cutout.Square);
        Assert.Equal((OutputFormat.Png, 8, EmbeddedProfile.Srgb), (Assert.Single(cutout.Outputs).Format, cutout.Outputs[0].BitDepth, cutout.Outputs[0].ColorProfile));
    }

    [Fact]
    public void WithOverrides_ChangesOnlyNamedFields()
    {
        var merchant = catalog.WithOverrides("""{ "amazon_main": { "longSide": 3000 } }""");

        var amazon = merchant.Get("amazon_main");
        Assert.Equal(3000, amazon.LongSide);
        Assert.Equal(catalog.Get("amazon_main").Outputs, amazon.Outputs);
        Assert.Equal(2000, catalog.Get("amazon_main").LongSide);
    }

    [Fact]
    public void WithOverrides_ImpossibleValue_FailsNamingTheProfile()
    {
        var error = Assert.Throws<InvalidOperationException>(() => catalog.WithOverrides("""{ "shopify": { "longSide": 90000 } }"""));

        Assert.Contains("'shopify'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_UnknownName_ListsKnownPlatforms()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => catalog.Get("ebay"));

        Assert.Contains("amazon_main", error.Message, StringComparison.Ordinal);
    }
}
