using System.Text.Json;

namespace ShelfReady.Orchestration;

/// <summary>A snapshot of one workflow instance, the counterpart of Durable Task's <c>OrchestrationMetadata</c>.</summary>
public sealed class WorkflowStatus
{
    /// <summary>Gets the instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Gets the registered workflow name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the runtime status.</summary>
    public required WorkflowRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>Gets the input as JSON, or <see langword="null"/>.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>Gets the output as JSON (the termination reason for terminated instances), or <see langword="null"/>.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>Gets the custom status as JSON, or <see langword="null"/>.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Gets when the instance was scheduled, in UTC.</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>Gets when the instance's state last changed, in UTC.</summary>
    public required DateTime LastUpdatedAt { get; init; }

    /// <summary>Gets why the instance failed, for <see cref="WorkflowRuntimeStatus.Failed"/>.</summary>
    public FailureDetails? FailureDetails { get; init; }

    /// <summary>Gets a value indicating whether the instance has finished, one way or another.</summary>
    public bool IsTerminal => RuntimeStatus is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    /// <summary>Gets the options the JSON above was written with, which the <c>Read…As</c> methods read it with.</summary>
    public JsonSerializerOptions? SerializerOptions { get; init; }

    /// <summary>Deserialises the input.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input, or <see langword="default"/>.</returns>
    public T? ReadInputAs<T>() => Read<T>(SerializedInput);

    /// <summary>Deserialises the output.</summary>
    /// <typeparam name="T">The output type.</typeparam>
    /// <returns>The output, or <see langword="default"/>.</returns>
    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);

    /// <summary>Deserialises the custom status.</summary>
    /// <typeparam name="T">The custom status type.</typeparam>
    /// <returns>The custom status, or <see langword="default"/>.</returns>
    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    private T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, SerializerOptions);
}
