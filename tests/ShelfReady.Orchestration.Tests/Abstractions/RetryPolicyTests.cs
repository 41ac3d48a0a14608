namespace ShelfReady.Orchestration.Tests.Abstractions;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 60)]
    [InlineData(10, 60)]
    public void GetRetryDelay_ExponentialBackoff_GrowsUntilCapped(int failedAttempts, int expectedSeconds)
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(10), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), policy.GetRetryDelay(failedAttempts));
    }

    [Fact]
    public void Constructor_Defaults_ConstantIntervalCappedAtOneHour()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(5));

        Assert.Equal(1.0, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromHours(1), policy.MaxRetryInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.GetRetryDelay(2));
    }

    [Fact]
    public void Constructor_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromSeconds(1), backoffCoefficient: 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(3, TimeSpan.FromMinutes(2), maxRetryInterval: TimeSpan.FromMinutes(1)));
    }
}
