using System.Runtime.CompilerServices;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Host.Storage;

/// <summary>
/// Blob storage as a folder per container under a root directory. Writes go to a temporary file in the
/// same file system and are renamed into place, so readers and a crash mid-write never leave a torn blob.
/// </summary>
public sealed class FolderBlobStore : IBlobStore
{
    private const string TempFolder = ".tmp";

    private readonly string root;

    /// <summary>Creates the store, creating the root and temp folders when missing.</summary>
    public FolderBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        this.root = Path.GetFullPath(root);
        Directory.CreateDirectory(Path.Combine(this.root, TempFolder));
    }

    /// <summary>The absolute root directory.</summary>
    public string Root => root;

    /// <summary>The file that holds a blob; checked to lie inside its container folder.</summary>
    public string FilePath(BlobPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var containerRoot = Path.Combine(root, path.Container) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(containerRoot, path.Name.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(containerRoot, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"Blob '{path}' resolves outside its container.", nameof(path));
    }

    /// <inheritdoc />
    public Task<byte[]> ReadAsync(BlobPath path, CancellationToken cancellationToken) => Guard(async () =>
    {
        try
        {
            return await File.ReadAllBytesAsync(FilePath(path), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BlobNotFoundException(path);
        }
    });

    /// <inheritdoc />
    public Task<StoredBlob> WriteAsync(BlobPath path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(path, (stream, token) => stream.WriteAsync(content, token).AsTask(), cancellationToken);

    /// <inheritdoc />
    public Task<StoredBlob> WriteStreamAsync(BlobPath path, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteAtomicallyAsync(path, (stream, token) => content.CopyToAsync(stream, token), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The content is written in full to a temporary file first and then published under the final name by an
    /// exclusive operation that fails when the name exists: a hard link on Unix (<c>link(2)</c>), a move without
    /// replace on Windows. A reader therefore never sees a partial blob, and of any number of racing callers exactly
    /// one wins. (.NET's <see cref="File.Move(string, string, bool)"/> without overwrite checks and then renames on
    /// Unix, which lets several callers win.)
    /// </remarks>
    public Task<bool> CreateIfAbsentAsync(BlobPath path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => Guard(async () =>
    {
        var target = FilePath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = await WriteTempAsync((stream, token) => stream.WriteAsync(content, token).AsTask(), cancellationToken).ConfigureAwait(false);
        try
        {
            return ExclusiveFile.TryPublish(temp, target);
        }
        finally
        {
            File.Delete(temp);
        }
    });

    /// <inheritdoc />
    public Task<StoredBlob?> GetPropertiesAsync(BlobPath path, CancellationToken cancellationToken) => Guard(() =>
    {
        var info = new FileInfo(FilePath(path));
        return Task.FromResult(info.Exists ? Describe(path, info) : null);
    });

    /// <inheritdoc />
    public IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, CancellationToken cancellationToken) =>
        StorageOutageGuard.EnumerateAsync(root, IsOutage, ListFilesAsync(container, prefix, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteAsync(BlobPath path, CancellationToken cancellationToken) => Guard(() =>
    {
        var file = FilePath(path);
        if (!File.Exists(file))
        {
            return Task.FromResult(false);
        }

        File.Delete(file);
        return Task.FromResult(true);
    });

    // errno values (Unix) and Win32 codes of a disk that is full, over quota, read-only or failing: faults of the
    // store that end when a person frees space or remounts, unlike a bad path or a missing file.
    private static bool IsOutage(Exception exception) => exception switch
    {
        UnauthorizedAccessException => true,
        FileNotFoundException or DirectoryNotFoundException => false,
        IOException io when (io.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000) => (io.HResult & 0xFFFF) is 19 or 39 or 112,
        IOException io => io.HResult is 5 or 28 or 30 or 122,
        _ => false,
    };

    private Task<T> Guard<T>(Func<Task<T>> operation) => StorageOutageGuard.RunAsync(root, IsOutage, operation);

    private async IAsyncEnumerable<StoredBlob> ListFilesAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var containerRoot = Path.Combine(root, new BlobPath(container, "probe").Container);
        if (!Directory.Exists(containerRoot))
        {
            yield break;
        }

        var names = Directory.EnumerateFiles(containerRoot, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(containerRoot, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = new BlobPath(container, name);
            var info = new FileInfo(FilePath(path));
            if (info.Exists)
            {
                yield return Describe(path, info);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private Task<StoredBlob> WriteAtomicallyAsync(BlobPath path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) => Guard(async () =>
    {
        var target = FilePath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = await WriteTempAsync(write, cancellationToken).ConfigureAwait(false);
        try
        {
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        return Describe(path, new FileInfo(target));
    });

    // Flushed to disk before it is published, so a crash right after the rename cannot leave a short file.
    private async Task<string> WriteTempAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(root, TempFolder, Guid.NewGuid().ToString("N"));
        try
        {
            await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await write(stream, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
            return temp;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private static StoredBlob Describe(BlobPath path, FileInfo info) =>
        new(path, info.Length, $"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"", new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
}
