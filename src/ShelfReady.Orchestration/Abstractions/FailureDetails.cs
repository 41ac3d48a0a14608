namespace ShelfReady.Orchestration;

/// <summary>Why a task or workflow failed, kept as data so it survives serialisation into history.</summary>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace, when there was one.</param>
/// <param name="InnerFailure">The failure that caused this one, if any.</param>
public sealed record FailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, FailureDetails? InnerFailure = null)
{
    /// <summary>Captures an exception, following <see cref="WorkflowTaskFailedException.FailureDetails"/> and inner exceptions.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The failure details.</returns>
    public static FailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception switch
        {
            WorkflowTaskFailedException taskFailed => taskFailed.FailureDetails,
            { InnerException: { } innerException } => FromException(innerException),
            _ => null,
        };
        return new FailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner);
    }

    /// <summary>Tells whether this failure or one of its causes is of the given exception type.</summary>
    /// <typeparam name="TException">The exception type.</typeparam>
    /// <returns><see langword="true"/> when a failure in the chain was caused by <typeparamref name="TException"/>.</returns>
    public bool IsCausedBy<TException>()
        where TException : Exception =>
        ErrorType == typeof(TException).FullName || (InnerFailure?.IsCausedBy<TException>() ?? false);
}
