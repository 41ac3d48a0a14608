using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShelfReady.Adapters.Storage;
using ShelfReady.Functions.Composition;
using ShelfReady.Review;

namespace ShelfReady.Functions.Tests.Composition;

/// <summary>The app refuses to start on settings that would send reviewers useless links or none at all.</summary>
public sealed class FunctionsServiceCollectionExtensionsTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["ShelfReady:StorageConnectionString"] = "UseDevelopmentStorage=true",
        ["Review:PublicBaseUrl"] = "https://func-shelfready.azurewebsites.net/",
        ["Review:SigningKeys:k1"] = Convert.ToBase64String(new byte[32]),
        ["Review:ActiveKeyId"] = "k1",
    };

    [Fact]
    public void AddShelfReadyFunctions_CompleteSettings_ValidatesReviewAndDownloadOptions()
    {
        using var services = Build(Complete);

        Assert.Equal(new Uri("https://func-shelfready.azurewebsites.net/"), services.GetRequiredService<IOptions<ReviewOptions>>().Value.PublicBaseUrl);
        Assert.Equal(TimeSpan.FromDays(3), services.GetRequiredService<IOptions<DownloadLinkOptions>>().Value.Lifetime);
    }

    [Theory]
    [InlineData("Review:PublicBaseUrl", null, "Review:PublicBaseUrl is required")]
    [InlineData("Review:ActiveKeyId", "k2", "Review:ActiveKeyId must name one of Review:SigningKeys")]
    [InlineData("Downloads:Lifetime", "7.00:00:00", "Lifetime")]
    public void AddShelfReadyFunctions_MissingOrWrongSetting_FailsNamingIt(string key, string? value, string message)
    {
        using var services = Build(new Dictionary<string, string?>(Complete) { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() =>
        {
            _ = services.GetRequiredService<IOptions<ReviewOptions>>().Value;
            _ = services.GetRequiredService<IOptions<DownloadLinkOptions>>().Value;
        });

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddShelfReadyFunctions(configuration).BuildServiceProvider();
    }
}
