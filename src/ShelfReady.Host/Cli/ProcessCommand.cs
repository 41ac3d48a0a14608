using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Batches;
using ShelfReady.Pipeline.Naming;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;
using Spectre.Console;

namespace ShelfReady.Host.Cli;

/// <summary><c>process &lt;folder&gt;</c>: runs a person's own photos through the pipeline.</summary>
internal static class ProcessCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of product photos (sidecar {file}.json and manifest.json are honoured)." };
        var merchant = new Option<string>("--merchant") { Description = "Merchant name (its settings come from config/{merchant}/settings.json).", DefaultValueFactory = _ => "local" };
        var platforms = new Option<string[]>("--platforms") { Description = "Platforms to export, e.g. amazon_main shopify or amazon_main,shopify (default: the merchant's settings).", AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for exports, report and engine state.", DefaultValueFactory = _ => new DirectoryInfo("shelfready-out") };
        var settings = new Option<string[]>("--set")
        {
            Description = "Configuration override KEY=VALUE, repeatable, e.g. --set Segmentation:Endpoint=http://127.0.0.1:8080/ (same keys as appsettings.json).",
        };
        var command = new Command("process", "Process a folder of product photos into marketplace-ready exports.") { folder, merchant, platforms, output, settings };
        command.Validators.Add(result =>
        {
            if (result.GetValue(settings)?.FirstOrDefault(s => !s.Contains('=', StringComparison.Ordinal)) is { } bad)
            {
                result.AddError($"--set {bad}: expected KEY=VALUE.");
            }
        });
        command.SetAction((result, token) => RunAsync(
            new ProcessRequest(result.GetValue(folder)!, result.GetValue(merchant)!, Split(result.GetValue(platforms) ?? []), result.GetValue(output)!, result.GetValue(settings) ?? []),
            token));
        return command;
    }

    // "amazon_main,shopify" is how people write a list; taken as one name it failed every image at export.
    private static string[] Split(string[] platforms) =>
        platforms.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static async Task<int> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        var (folder, merchant, platforms, output, overrides) = request;
        if (!folder.Exists)
        {
            AnsiConsole.MarkupLine($"[red]No folder {Markup.Escape(folder.FullName)}.[/]");
            return 2;
        }

        var safeMerchant = NameTemplate.MakeSafe(merchant).ToLowerInvariant();
        var batch = NameTemplate.MakeSafe(folder.Name).ToLowerInvariant();
        var configuration = HostServices.UnderFolder(output.FullName);
        foreach (var setting in overrides)
        {
            var split = setting.IndexOf('=', StringComparison.Ordinal);
            configuration[setting[..split].Trim()] = setting[(split + 1)..].Trim();
        }

        await using var services = HostServices.Build(configuration);
        var store = services.GetRequiredService<IBlobStore>();
        var (uploads, hidden) = await CopyFolderAsync(store, folder, safeMerchant, batch, cancellationToken).ConfigureAwait(false);
        if (platforms.Length > 0)
        {
            await WritePlatformsAsync(store, safeMerchant, platforms, cancellationToken).ConfigureAwait(false);
        }

        AnsiConsole.MarkupLine($"Processing {uploads} files from {Markup.Escape(folder.FullName)} as {safeMerchant}/{batch}{(hidden > 0 ? $" ({hidden} hidden files left out)" : "")} ...");
        return await BatchCommand.ProcessAsync(services, safeMerchant, batch, failOnErrors: true, cancellationToken).ConfigureAwait(false);
    }

    // Every visible file goes to uploads, whatever its extension: ingest decides what it is from its bytes,
    // and what it cannot use is quarantined with a reason instead of being left behind unmentioned.
    private static async Task<(int Uploads, int Hidden)> CopyFolderAsync(IBlobStore store, DirectoryInfo folder, string merchant, string batch, CancellationToken cancellationToken)
    {
        var files = folder.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var visible = files.Where(file => !UploadNames.IsHidden(file.Name)).ToList();
        var present = new HashSet<string>(StringComparer.Ordinal);
        var names = visible.ToDictionary(file => file, file => Unique(UploadName(file.Name), present));
        foreach (var file in visible)
        {
            var bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"{merchant}/{batch}/{names[file]}"), bytes, cancellationToken).ConfigureAwait(false);
        }

        return (present.Count(name => UploadNames.IsUpload(name, present)), files.Count - visible.Count);
    }

    private static string UploadName(string fileName) =>
        fileName.Equals("manifest.json", StringComparison.OrdinalIgnoreCase) ? "manifest.json" : NameTemplate.MakeSafe(fileName);

    // "a b.jpg" and "a_b.jpg" make the same safe name; the second must not overwrite the first.
    private static string Unique(string name, HashSet<string> taken)
    {
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = NameTemplate.WithSuffix(name, n);
        }

        return unique;
    }

    private static async Task WritePlatformsAsync(IBlobStore store, string merchant, string[] platforms, CancellationToken cancellationToken)
    {
        var path = WorkPaths.Settings(merchant);
        var settings = await store.GetPropertiesAsync(path, cancellationToken).ConfigureAwait(false) is null
            ? MerchantSettings.Default
            : PipelineJson.Read<MerchantSettings>(await store.ReadAsync(path, cancellationToken).ConfigureAwait(false), path.ToString());
        await store.WriteAsync(path, PipelineJson.Bytes(settings with { Platforms = platforms }), cancellationToken).ConfigureAwait(false);
    }

    private sealed record ProcessRequest(DirectoryInfo Folder, string Merchant, string[] Platforms, DirectoryInfo Output, string[] Settings);
}
