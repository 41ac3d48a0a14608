using ShelfReady.Pipeline.Naming;

namespace ShelfReady.Pipeline.Tests.Naming;

public sealed class NameTemplateTests
{
    [Fact]
    public void Render_AmazonMain_UsesAsin()
    {
        var name = NameTemplate.Render("{asin|sku|stem}.MAIN.{ext}", new Dictionary<string, string?> { ["asin"] = "B08N5WRWNW", ["ext"] = "jpg" });

        Assert.Equal("B08N5WRWNW.MAIN.jpg", name);
    }

    [Fact]
    public void Render_MissingAsin_FallsBackToSku()
    {
        var name = NameTemplate.Render("{asin|sku|stem}.PT{index:00}.{ext}", new Dictionary<string, string?> { ["asin"] = "", ["sku"] = "SKU-7", ["index"] = "3", ["ext"] = "jpg" });

        Assert.Equal("SKU-7.PT03.jpg", name);
    }

    [Fact]
    public void Render_HostileValue_CannotLeaveTheFolder()
    {
        var name = NameTemplate.Render("{sku}.{ext}", new Dictionary<string, string?> { ["sku"] = "../../etc/passwd", ["ext"] = "jpg" });

        Assert.DoesNotContain("/", name, StringComparison.Ordinal);
        Assert.DoesNotContain("..", name, StringComparison.Ordinal);
        Assert.Equal("etc_passwd.jpg", name);
    }

    [Fact]
    public void Render_MissingValue_SaysWhichPlaceholder()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NameTemplate.Render("{asin}.{ext}", new Dictionary<string, string?> { ["ext"] = "jpg" }));

        Assert.Contains("{asin}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Crème brûlée #2", "Creme_brulee_2")]
    [InlineData("a  b\tc", "a_b_c")]
    public void MakeSafe_Accents_AreFoldedAndSpacesCollapsed(string input, string expected)
    {
        Assert.Equal(expected, NameTemplate.MakeSafe(input));
    }

    [Theory]
    [InlineData("X.MAIN.jpg", 2, "X.MAIN-2.jpg")]
    [InlineData("noext", 3, "noext-3")]
    public void WithSuffix_TakenName_InsertsCounterBeforeExtension(string name, int n, string expected)
    {
        Assert.Equal(expected, NameTemplate.WithSuffix(name, n));
    }
}
