using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using ShelfReady.Adapters.Storage;
using ShelfReady.Host.Storage;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Benchmarks.Storage;

/// <summary>
/// <c>claim-race &lt;folder|connection string&gt; [rounds] [callers]</c>: the long version of the store tests'
/// create-if-absent race. Each round, callers race to create one name with different contents while a reader
/// reads it; prints rounds with other than one winner, reads that were not the winner's whole blob, and claims/s.
/// A folder argument runs on whatever file system holds it (disk, tmpfs, a loop mount).
/// </summary>
internal static class ClaimRace
{
    public static async Task RunAsync(string[] args)
    {
        var target = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "shelfready-claim-race");
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
        var callers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 16;
        IBlobStore store = target.Contains("AccountName=", StringComparison.Ordinal)
            ? new AzureBlobStore(new BlobServiceClient(target))
            : new FolderBlobStore(target);
        var (wrongWinners, badReads, reads) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var path = new BlobPath("work", $"names/claim-race/{round}.claim");
            var contents = Enumerable.Range(0, callers).Select(caller => Content(round, caller)).ToArray();
            using var racing = new CancellationTokenSource();
            var reader = Task.Run(() => ReadUntilAsync(store, path, racing.Token));
            var won = await Task.WhenAll(contents.Select(content => Task.Run(() => store.CreateIfAbsentAsync(path, content, CancellationToken.None))));
            await racing.CancelAsync();
            var seen = await reader;
            seen.Add(await store.ReadAsync(path, CancellationToken.None));
            reads += seen.Count;
            if (won.Count(w => w) != 1)
            {
                wrongWinners++;
            }
            else
            {
                var winner = contents[Array.IndexOf(won, true)];
                badReads += seen.Count(read => !read.AsSpan().SequenceEqual(winner));
            }

            await store.DeleteAsync(path, CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"claim-race on {(store is FolderBlobStore ? target : "Azure Blob endpoint")}: {rounds} rounds x {callers} callers, {reads} concurrent reads, " +
            $"{wrongWinners} rounds without exactly one winner, {badReads} reads not the winner's whole blob, {rounds * callers / clock.Elapsed.TotalSeconds:0} claims/s"));
    }

    private static byte[] Content(int round, int caller)
    {
        var content = new byte[16 * 1024];
        new Random((round * 1000) + caller).NextBytes(content);
        return content;
    }

    private static async Task<List<byte[]>> ReadUntilAsync(IBlobStore store, BlobPath path, CancellationToken stop)
    {
        var seen = new List<byte[]>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                seen.Add(await store.ReadAsync(path, CancellationToken.None));
            }
            catch (BlobNotFoundException)
            {
                await Task.Yield();
            }
        }

        return seen;
    }
}
