using DurableTask.Core;

namespace ShelfReady.Durable.AzureStorage;

/// <summary>Creates a fresh orchestration or activity shim per execution under its registered name.</summary>
/// <typeparam name="T">TaskOrchestration or TaskActivity.</typeparam>
internal sealed class NamedCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> create;

    public NamedCreator(string name, Func<T> create)
    {
        Name = name;
        Version = "";
        this.create = create;
    }

    public override T Create() => create();
}
