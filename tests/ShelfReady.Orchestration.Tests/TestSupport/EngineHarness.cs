using Microsoft.Data.Sqlite;

namespace ShelfReady.Orchestration.Tests.TestSupport;

/// <summary>A temporary folder with a SQLite file, and the engines started on it; all cleaned up on dispose.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly List<WorkflowEngine> engines = [];

    public EngineHarness()
    {
        Directory = Path.Combine(Path.GetTempPath(), "shelfready-orch-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = Path.Combine(Directory, "workflows.db");
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public async Task<WorkflowEngine> StartAsync(WorkflowRegistry registry, TimeProvider? timeProvider = null, Action<WorkflowEngineOptions>? configure = null)
    {
        var options = new WorkflowEngineOptions { DatabasePath = DatabasePath, MaxConcurrentActivities = 8 };
        configure?.Invoke(options);
        var engine = new WorkflowEngine(registry, options, timeProvider);
        engines.Add(engine);
        await engine.StartAsync(TestContext.Current.CancellationToken);
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var engine in engines)
        {
            await engine.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
