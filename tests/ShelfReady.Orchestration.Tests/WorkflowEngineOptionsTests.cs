using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Orchestration.Tests;

public sealed class WorkflowEngineOptionsTests
{
    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new WorkflowEngineOptions { DatabasePath = "", MaxConcurrentActivities = 0 };
        options.ActivityConcurrencyLimits["Segment"] = 0;

        var error = Assert.Throws<ValidationException>(() => new WorkflowEngine(new WorkflowRegistry(), options));

        Assert.Contains(nameof(WorkflowEngineOptions.DatabasePath), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(WorkflowEngineOptions.MaxConcurrentActivities), error.Message, StringComparison.Ordinal);
        Assert.Contains("'Segment'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreValid()
    {
        var options = new WorkflowEngineOptions { DatabasePath = "workflows.db" };

        Assert.Equal(SqliteSynchronousMode.Normal, options.Synchronous);
        Assert.Equal(10 * Environment.ProcessorCount, options.MaxConcurrentActivities);
        Assert.Null(Record.Exception(options.Validate));
    }
}
