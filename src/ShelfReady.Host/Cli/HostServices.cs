using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Batches;
using ShelfReady.Host.Composition;
using ShelfReady.Host.Reports;

namespace ShelfReady.Host.Cli;

/// <summary>
/// Builds the service provider a command runs on. Configuration follows .NET conventions, later sources
/// winning: appsettings.json beside the program, environment variables prefixed SHELFREADY_ (with "__" for
/// ":"), then what the command line says.
/// </summary>
internal static class HostServices
{
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("SHELFREADY_")
            .AddInMemoryCollection(overrides)
            .Build();
        DefaultPublicBaseUrl(configuration, ServeCommand.DefaultPort);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddShelfReady(configuration)
            .AddSingleton<BatchRunner>()
            .AddSingleton<BatchReportWriter>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>Settings that put every file of a run under one output folder.</summary>
    public static Dictionary<string, string?> UnderFolder(string folder) => new()
    {
        ["Storage:Kind"] = "Folder",
        ["Storage:Root"] = Path.Combine(folder, "storage"),
        ["Engine:DatabasePath"] = Path.Combine(folder, "engine.db"),
        ["Review:Email:OutboxFolder"] = Path.Combine(folder, "outbox"),
    };

    /// <summary>Links point at the local <c>serve</c> unless a public base URL is configured.</summary>
    public static void DefaultPublicBaseUrl(IConfiguration configuration, int port)
    {
        if (string.IsNullOrWhiteSpace(configuration["Review:PublicBaseUrl"]))
        {
            configuration["Review:PublicBaseUrl"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
        }
    }
}
