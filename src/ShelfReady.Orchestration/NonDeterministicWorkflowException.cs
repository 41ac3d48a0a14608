namespace ShelfReady.Orchestration;

/// <summary>
/// The reason an instance fails when its replayed code schedules something other than what its history records,
/// typically after a code change while instances were in flight.
/// </summary>
public sealed class NonDeterministicWorkflowException : InvalidOperationException
{
    /// <summary>Initializes a new instance of the <see cref="NonDeterministicWorkflowException"/> class.</summary>
    /// <param name="message">The message naming what history recorded and what the code did.</param>
    public NonDeterministicWorkflowException(string message)
        : base(message)
    {
    }
}
