using ShelfReady.Inference.Tests.Support;
using ShelfReady.ModelBuilder.Models;

namespace ShelfReady.Inference.Tests.Models;

public sealed class CommittedModelsTests
{
    [Fact]
    public void Files_BuiltNow_EqualTheCommittedModelsFolder()
    {
        foreach (var (path, content) in ModelCatalog.Files())
        {
            var committed = Path.Combine(RepositoryRoot.Models, path);
            Assert.True(File.Exists(committed), $"{committed} is missing: run dotnet run --project tools/ShelfReady.ModelBuilder -- models");
            Assert.True(content.AsSpan().SequenceEqual(File.ReadAllBytes(committed)), $"{committed} differs from the builder's output: rebuild the models.");
        }
    }

    [Fact]
    public void Files_BuiltTwice_AreByteIdentical()
    {
        var first = ModelCatalog.Files();
        var second = ModelCatalog.Files();

        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Fact]
    public void StudioConv_IsUnderOneMegabyte()
    {
        Assert.InRange(new FileInfo(Path.Combine(RepositoryRoot.Models, "studio-conv", "studio-conv.onnx")).Length, 1, 1 << 20);
    }
}
