namespace ShelfReady.Orchestration;

/// <summary>An activity in untyped form, as the engine invokes it.</summary>
public interface IActivity
{
    /// <summary>Gets the type the activity input is deserialised to.</summary>
    Type InputType { get; }

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The deserialised input.</param>
    /// <returns>The activity result.</returns>
    Task<object?> RunAsync(ActivityContext context, object? input);
}
