using Microsoft.DurableTask.Client;

namespace ShelfReady.Functions.Review;

/// <summary>
/// The Durable client the app's functions were bound to. The isolated worker hands a client only to a function
/// invocation (<c>[DurableClient]</c>), never to the container, while the shared review code reaches the
/// workflow through its decision sink; so every function that may decide hands its bound client here first.
/// All bindings name the app's one task hub, so whichever client was handed over last is the right one.
/// </summary>
public sealed class BoundDurableClient
{
    private DurableTaskClient? client;

    /// <summary>The client of the latest invocation.</summary>
    /// <exception cref="InvalidOperationException">No function has bound a client yet.</exception>
    public DurableTaskClient Client =>
        Volatile.Read(ref client) ?? throw new InvalidOperationException("No Durable client is bound yet: only a function with a [DurableClient] binding may raise review decisions.");

    /// <summary>Hands over the client a function invocation was bound to.</summary>
    /// <param name="bound">The invocation's client.</param>
    public void Use(DurableTaskClient bound)
    {
        ArgumentNullException.ThrowIfNull(bound);
        Volatile.Write(ref client, bound);
    }
}
