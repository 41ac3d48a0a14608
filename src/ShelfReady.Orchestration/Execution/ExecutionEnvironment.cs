using System.Text.Json;

namespace ShelfReady.Orchestration.Execution;

internal sealed record ExecutionEnvironment(WorkflowRegistry Registry, IServiceProvider Services, JsonSerializerOptions Json);
