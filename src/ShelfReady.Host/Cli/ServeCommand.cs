using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShelfReady.Host.Composition;
using ShelfReady.Host.Downloads;
using ShelfReady.Host.Review;
using ShelfReady.Host.Watching;
using ShelfReady.Host.Web;
using ShelfReady.Review;

namespace ShelfReady.Host.Cli;

/// <summary><c>serve</c>: the always-on host — engine, uploads watcher and the status API on loopback.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port of the status API and the review pages.", DefaultValueFactory = _ => DefaultPort };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Serve the state a demo or process run left in this folder (storage, engine, outbox)." };
        var command = new Command("serve", "Run the engine, the uploads watcher, the status API and the review pages on 127.0.0.1 until stopped (Ctrl+C).") { port, output };
        command.SetAction((result, token) => RunAsync(result.GetValue(port), result.GetValue(output), token));
        return command;
    }

    /// <summary>The port serve listens on unless told otherwise; links written by demo and process point at it.</summary>
    public const int DefaultPort = 5080;

    /// <summary>
    /// Builds the web host; tests call this too, with their own settings, a free port and, for the review
    /// deadlines, a clock they advance (durable timers, link expiry and webhook stamps all read it).
    /// </summary>
    public static WebApplication Build(int port, IReadOnlyDictionary<string, string?> overrides, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("SHELFREADY_");
        builder.Configuration.AddInMemoryCollection(overrides);
        HostServices.DefaultPublicBaseUrl(builder.Configuration, port);
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddShelfReady(builder.Configuration);
        builder.Services.AddOptions<WatcherOptions>().Bind(builder.Configuration.GetSection(WatcherOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<UploadWatcher>();
        builder.Services.AddHostedService<EngineHostedService>();
        builder.Services.AddHostedService<ReviewDeliveryService>();
        builder.Services.AddHostedService<UploadWatcherService>();
        var app = builder.Build();
        app.MapShelfReadyStatusApi();
        app.MapShelfReadyReview();
        app.MapShelfReadyDownloads();
        return app;
    }

    private static async Task<int> RunAsync(int port, DirectoryInfo? output, CancellationToken cancellationToken)
    {
        await using var app = Build(port, output is null ? new Dictionary<string, string?>() : HostServices.UnderFolder(output.FullName));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
