using ShelfReady.Orchestration.Execution;

namespace ShelfReady.Orchestration.Tests.Execution;

public sealed class NameBasedGuidTests
{
    [Fact]
    public void Create_Rfc4122DnsExample_MatchesPublishedVersion5Uuid()
    {
        // uuid5(NAMESPACE_DNS, "www.example.com") as computed by Python's uuid module.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), NameBasedGuid.Create(dns, "www.example.com"));
    }
}
