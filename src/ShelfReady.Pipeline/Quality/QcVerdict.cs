namespace ShelfReady.Pipeline.Quality;

/// <summary>What the score alone says should happen next.</summary>
public enum QcVerdict
{
    /// <summary>Ships without a person.</summary>
    AutoApprove,

    /// <summary>A person decides.</summary>
    Review,

    /// <summary>Redo with another strategy before anyone looks.</summary>
    Redo,
}
