namespace ShelfReady.Orchestration.Execution;

/// <summary>The engine's services when the host gives none: classes then need parameterless constructors.</summary>
internal sealed class EmptyServiceProvider : IServiceProvider
{
    public static EmptyServiceProvider Instance { get; } = new();

    public object? GetService(Type serviceType) => null;
}
