using System.Collections.Concurrent;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Tests.Storage;

/// <summary>
/// What every <see cref="IBlobStore"/> must do. Each adapter's test class derives from this and supplies a
/// real store; the same assertions then hold for the folder, Azurite and Azure.
/// </summary>
public abstract class BlobStoreContract
{
    private const int RacingCallers = 8;

    protected abstract IBlobStore Store { get; }

    /// <summary>Rounds of the create-if-absent race: as many as the store answers in a few seconds.</summary>
    protected abstract int ClaimRaceRounds { get; }

    /// <summary>The store the race runs on; the same adapter as <see cref="Store"/>.</summary>
    protected virtual IBlobStore ClaimRaceStore => Store;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_ThenRead_ReturnsSameBytes()
    {
        var path = new BlobPath("work", "job1/master.png");
        byte[] content = [1, 2, 3, 4, 5];

        var written = await Store.WriteAsync(path, content, Token);

        Assert.Equal(content, await Store.ReadAsync(path, Token));
        Assert.Equal(5, written.Length);
    }

    [Fact]
    public async Task WriteAsync_Twice_ReplacesContentAndChangesETag()
    {
        var path = new BlobPath("work", "job2/mask.png");
        var first = await Store.WriteAsync(path, new byte[] { 1 }, Token);

        var second = await Store.WriteAsync(path, new byte[] { 2, 2 }, Token);

        Assert.Equal(new byte[] { 2, 2 }, await Store.ReadAsync(path, Token));
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Fact]
    public async Task WriteStreamAsync_ThenRead_ReturnsStreamContent()
    {
        var path = new BlobPath("exports", "acme/b1/delivery.zip");
        var content = new byte[300_000];
        new Random(3).NextBytes(content);
        using var stream = new MemoryStream(content);

        var written = await Store.WriteStreamAsync(path, stream, Token);

        Assert.Equal(content.Length, written.Length);
        Assert.Equal(content, await Store.ReadAsync(path, Token));
    }

    [Fact]
    public async Task CreateIfAbsentAsync_SecondCaller_LosesAndContentStays()
    {
        var path = new BlobPath("work", "names/acme/b1/amazon_main/X.MAIN.jpg");

        var first = await Store.CreateIfAbsentAsync(path, "job-a"u8.ToArray(), Token);
        var second = await Store.CreateIfAbsentAsync(path, "job-b"u8.ToArray(), Token);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("job-a"u8.ToArray(), await Store.ReadAsync(path, Token));
    }

    [Fact]
    public async Task CreateIfAbsentAsync_ConcurrentCallers_ExactlyOneWins()
    {
        var path = new BlobPath("work", "names/acme/b1/shopify/race.webp");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.CreateIfAbsentAsync(path, new[] { (byte)i }, Token)));

        Assert.Equal(1, results.Count(won => won));
    }

    // Each round, eight callers race to create one name with different 16 KB contents while a reader keeps
    // reading it: exactly one must win, and every read must return the winner's whole content or nothing.
    [Fact]
    public async Task CreateIfAbsentAsync_ManyRacingRounds_OneWinnerAndNoPartialRead()
    {
        var wrongWinners = new List<string>();
        var badReads = new List<string>();
        for (var round = 0; round < ClaimRaceRounds; round++)
        {
            var path = new BlobPath("work", $"names/race/{round}.claim");
            var contents = Enumerable.Range(0, RacingCallers).Select(caller => RaceContent(round, caller)).ToArray();
            var reads = new ConcurrentBag<byte[]>();
            using var racing = new CancellationTokenSource();
            var reader = Task.Run(() => ReadUntilCancelledAsync(path, reads, racing.Token), Token);

            var won = await Task.WhenAll(contents.Select(content => Task.Run(() => ClaimRaceStore.CreateIfAbsentAsync(path, content, Token), Token)));
            await racing.CancelAsync();
            await reader;

            var winners = won.Count(w => w);
            if (winners != 1)
            {
                wrongWinners.Add($"round {round}: {winners} winners");
                continue;
            }

            var winner = contents[Array.IndexOf(won, true)];
            reads.Add(await ClaimRaceStore.ReadAsync(path, Token));
            badReads.AddRange(reads.Where(read => !read.AsSpan().SequenceEqual(winner)).Select(read => $"round {round}: read {read.Length} bytes that are not the winner's"));
            await ClaimRaceStore.DeleteAsync(path, Token);
        }

        Assert.Empty(wrongWinners);
        Assert.Empty(badReads);
    }

    private static byte[] RaceContent(int round, int caller)
    {
        var content = new byte[16 * 1024];
        new Random((round * RacingCallers) + caller).NextBytes(content);
        return content;
    }

    private async Task ReadUntilCancelledAsync(BlobPath path, ConcurrentBag<byte[]> reads, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                reads.Add(await ClaimRaceStore.ReadAsync(path, Token));
            }
            catch (BlobNotFoundException)
            {
                // Not created yet: look again without starving the racing callers of the two cores.
                await Task.Delay(1, Token);
            }
        }
    }

    [Fact]
    public async Task ReadAsync_Missing_ThrowsBlobNotFound()
    {
        await Assert.ThrowsAsync<BlobNotFoundException>(() => Store.ReadAsync(new BlobPath("work", "nope/none.bin"), Token));
    }

    [Fact]
    public async Task GetPropertiesAsync_Missing_IsNull()
    {
        Assert.Null(await Store.GetPropertiesAsync(new BlobPath("work", "nope/none.bin"), Token));
    }

    [Fact]
    public async Task ListAsync_Prefix_ReturnsOnlyMatchesInOrdinalOrder()
    {
        await Store.WriteAsync(new BlobPath("uploads", "acme/b1/b.jpg"), new byte[] { 1 }, Token);
        await Store.WriteAsync(new BlobPath("uploads", "acme/b1/a.jpg"), new byte[] { 1 }, Token);
        await Store.WriteAsync(new BlobPath("uploads", "acme/b2/c.jpg"), new byte[] { 1 }, Token);

        var names = new List<string>();
        await foreach (var blob in Store.ListAsync("uploads", "acme/b1/", Token))
        {
            names.Add(blob.Path.Name);
        }

        Assert.Equal(["acme/b1/a.jpg", "acme/b1/b.jpg"], names);
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnceThenReportsFalse()
    {
        var path = new BlobPath("quarantine", "acme/b1/x.jpg");
        await Store.WriteAsync(path, new byte[] { 9 }, Token);

        Assert.True(await Store.DeleteAsync(path, Token));
        Assert.False(await Store.DeleteAsync(path, Token));
        Assert.Null(await Store.GetPropertiesAsync(path, Token));
    }

    [Fact]
    public async Task WriteAsync_LargeBlob_RoundTrips()
    {
        var content = new byte[5 * 1024 * 1024];
        new Random(7).NextBytes(content);
        var path = new BlobPath("exports", "acme/b1/print_catalog/big.tif");

        await Store.WriteAsync(path, content, Token);

        Assert.Equal(content, await Store.ReadAsync(path, Token));
    }
}
