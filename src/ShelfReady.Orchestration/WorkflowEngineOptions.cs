using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace ShelfReady.Orchestration;

/// <summary>Settings of a <see cref="WorkflowEngine"/>. Every property has a validated default except <see cref="DatabasePath"/>.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>Gets or sets the SQLite database file; it and its folder are created when missing.</summary>
    [Required(AllowEmptyStrings = false)]
    public required string DatabasePath { get; set; }

    /// <summary>
    /// Gets or sets how many activities run at once across all names. Defaults to 10 per processor, as Durable
    /// Functions' <c>maxConcurrentActivityFunctions</c>; lower it for CPU-bound activities.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentActivities { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>
    /// Gets per-activity-name concurrency limits (names compared case-insensitively), e.g. to keep a GPU endpoint to
    /// two calls at a time. Names without an entry are limited only by <see cref="MaxConcurrentActivities"/>.
    /// </summary>
    public IDictionary<string, int> ActivityConcurrencyLimits { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets how many live instances stay in memory between episodes so that they need no replay. 0 disables
    /// the cache: every episode then replays the instance's history. Default: 1,000.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MaxCachedInstances { get; set; } = 1_000;

    /// <summary>Gets or sets the most messages processed in one commit. Default: 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxMessagesPerCommit { get; set; } = 1_000;

    /// <summary>Gets or sets SQLite's <c>synchronous</c> setting. Default: <see cref="SqliteSynchronousMode.Normal"/>, safe against process crashes.</summary>
    [EnumDataType(typeof(SqliteSynchronousMode))]
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Normal;

    /// <summary>Gets or sets how long a graceful stop lets running activities finish before cancelling them. Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the JSON options for inputs, outputs, event payloads and custom status. Default: web defaults.</summary>
    [Required]
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Gets or sets a callback for engine faults that the engine retries by itself, such as a failed commit (for
    /// example a full disk). Default: none.
    /// </summary>
    public Action<Exception>? OnFault { get; set; }

    internal void Validate()
    {
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), errors, validateAllProperties: true);
        foreach (var (name, limit) in ActivityConcurrencyLimits.Where(l => l.Value < 1))
        {
            errors.Add(new ValidationResult($"The concurrency limit of activity '{name}' must be at least 1, not {limit}.", [nameof(ActivityConcurrencyLimits)]));
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(
                $"The {nameof(WorkflowEngineOptions)} are invalid:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "- " + e.ErrorMessage)));
        }
    }
}
