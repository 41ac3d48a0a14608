using ShelfReady.Pipeline.Naming;

namespace ShelfReady.Pipeline.Tests.Naming;

public sealed class NameAllocatorTests
{
    [Fact]
    public void Allocate_Collisions_GetSuffixesByKeyOrderWhateverTheInputOrder()
    {
        (string, string)[] requests = [("b/2.jpg", "X.MAIN.jpg"), ("a/1.jpg", "X.MAIN.jpg"), ("c/3.jpg", "x.main.jpg")];

        var forward = NameAllocator.Allocate(requests);
        var backward = NameAllocator.Allocate(requests.Reverse());

        Assert.Equal("X.MAIN.jpg", forward["a/1.jpg"]);
        Assert.Equal("X.MAIN-2.jpg", forward["b/2.jpg"]);
        Assert.Equal("x.main-3.jpg", forward["c/3.jpg"]);
        Assert.Equal(forward, backward);
    }
}
