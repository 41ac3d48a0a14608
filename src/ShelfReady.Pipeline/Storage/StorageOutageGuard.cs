using System.Runtime.CompilerServices;

namespace ShelfReady.Pipeline.Storage;

/// <summary>
/// Turns an adapter's own outage errors (an errno, an HTTP status) into <see cref="StorageUnavailableException"/>,
/// so the pipeline tells "storage is down, wait" from "this blob or request is wrong, fail".
/// </summary>
public static class StorageOutageGuard
{
    /// <summary>Runs one store operation, translating the faults <paramref name="isOutage"/> recognises.</summary>
    public static async Task<T> RunAsync<T>(string store, Func<Exception, bool> isOutage, Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(isOutage);
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (isOutage(ex))
        {
            throw new StorageUnavailableException(store, ex);
        }
    }

    /// <summary>Enumerates a listing, translating the faults <paramref name="isOutage"/> recognises on any page.</summary>
    public static async IAsyncEnumerable<T> EnumerateAsync<T>(string store, Func<Exception, bool> isOutage, IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (await RunAsync(store, isOutage, () => enumerator.MoveNextAsync().AsTask()).ConfigureAwait(false))
            {
                yield return enumerator.Current;
            }
        }
    }
}
