using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShelfReady.Host.Composition;
using ShelfReady.Host.Watching;
using ShelfReady.Host.Web;

namespace ShelfReady.Host.Cli;

/// <summary><c>serve</c>: the always-on host — engine, uploads watcher and the status API on loopback.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port of the status API.", DefaultValueFactory = _ => 5080 };
        var command = new Command("serve", "Run the engine and the uploads watcher with a status API on 127.0.0.1 until stopped (Ctrl+C).") { port };
        command.SetAction((result, token) => RunAsync(result.GetValue(port), token));
        return command;
    }

    /// <summary>Builds the web host; tests call this too, with their own settings and a free port.</summary>
    public static WebApplication Build(int port, IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("SHELFREADY_");
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Services.AddShelfReady(builder.Configuration);
        builder.Services.AddOptions<WatcherOptions>().Bind(builder.Configuration.GetSection(WatcherOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<UploadWatcher>();
        builder.Services.AddHostedService<EngineHostedService>();
        builder.Services.AddHostedService<UploadWatcherService>();
        var app = builder.Build();
        app.MapShelfReadyStatusApi();
        return app;
    }

    private static async Task<int> RunAsync(int port, CancellationToken cancellationToken)
    {
        await using var app = Build(port, new Dictionary<string, string?>());
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
