using System.Diagnostics.CodeAnalysis;
using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration;

/// <summary>
/// The workflows and activities an engine can run, by name; the counterpart of Durable Task's <c>DurableTaskRegistry</c>.
/// Names are compared case-insensitively.
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider, IWorkflow>> workflows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, IActivity>> activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a workflow class; a new instance is created, with constructor dependencies from the engine's services, for each execution.</summary>
    /// <typeparam name="TWorkflow">The workflow type.</typeparam>
    /// <param name="name">The workflow name.</param>
    /// <returns>This registry.</returns>
    public WorkflowRegistry AddWorkflow<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TWorkflow>(string name)
        where TWorkflow : class, IWorkflow =>
        AddWorkflow(name, ServiceActivator.Create<TWorkflow>);

    /// <summary>Registers a workflow created by a factory for each execution.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="factory">Creates the workflow from the engine's services.</param>
    /// <returns>This registry.</returns>
    public WorkflowRegistry AddWorkflow(string name, Func<IServiceProvider, IWorkflow> factory) => Add(workflows, name, factory);

    /// <summary>Registers a workflow written as a function.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The workflow name.</param>
    /// <param name="run">The workflow body.</param>
    /// <returns>This registry.</returns>
    public WorkflowRegistry AddWorkflowFunc<TInput, TOutput>(string name, Func<WorkflowContext, TInput, Task<TOutput>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AddWorkflow(name, _ => new FuncWorkflow<TInput, TOutput>(run));
    }

    /// <summary>Registers an activity class; a new instance is created, with constructor dependencies from the engine's services, for each invocation.</summary>
    /// <typeparam name="TActivity">The activity type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <returns>This registry.</returns>
    public WorkflowRegistry AddActivity<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TActivity>(string name)
        where TActivity : class, IActivity =>
        AddActivity(name, ServiceActivator.Create<TActivity>);

    /// <summary>Registers an activity created by a factory for each invocation.</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="factory">Creates the activity from the engine's services.</param>
    /// <returns>This registry.</returns>
    public WorkflowRegistry AddActivity(string name, Func<IServiceProvider, IActivity> factory) => Add(activities, name, factory);

    /// <summary>Registers an activity written as a function.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="run">The activity body.</param>
    /// <returns>This registry.</returns>
    public WorkflowRegistry AddActivityFunc<TInput, TOutput>(string name, Func<ActivityContext, TInput, Task<TOutput>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return AddActivity(name, _ => new FuncActivity<TInput, TOutput>(run));
    }

    internal bool HasWorkflow(string name) => workflows.ContainsKey(name);

    /// <summary>Creates a registered workflow, for engines other than the embedded one (Durable Task adapters).</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="services">Where constructor dependencies come from.</param>
    /// <returns>The workflow, or <see langword="null"/> when none has that name.</returns>
    public IWorkflow? CreateWorkflow(string name, IServiceProvider services) =>
        workflows.TryGetValue(name, out var factory) ? factory(services) : null;

    /// <summary>The registered workflows' names, for engines other than the embedded one to register them under.</summary>
    public IReadOnlyCollection<string> RegisteredWorkflows => workflows.Keys;

    /// <summary>The registered activities' names.</summary>
    public IReadOnlyCollection<string> RegisteredActivities => activities.Keys;

    /// <summary>Creates a registered activity, for engines other than the embedded one (Durable Task adapters).</summary>
    /// <param name="name">The activity name.</param>
    /// <param name="services">Where constructor dependencies come from.</param>
    /// <returns>The activity, or <see langword="null"/> when none has that name.</returns>
    public IActivity? CreateActivity(string name, IServiceProvider services) =>
        activities.TryGetValue(name, out var factory) ? factory(services) : null;

    private WorkflowRegistry Add<T>(Dictionary<string, Func<IServiceProvider, T>> map, string name, Func<IServiceProvider, T> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!map.TryAdd(name, factory))
        {
            throw new ArgumentException($"A {(typeof(T) == typeof(IWorkflow) ? "workflow" : "activity")} named '{name}' is already registered.", nameof(name));
        }

        return this;
    }
}
