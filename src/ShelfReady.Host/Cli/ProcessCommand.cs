using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Pipeline.Naming;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Storage;
using Spectre.Console;

namespace ShelfReady.Host.Cli;

/// <summary><c>process &lt;folder&gt;</c>: runs a person's own photos through the pipeline.</summary>
internal static class ProcessCommand
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".avif", ".heic", ".heif", ".gif"];

    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of product photos (sidecar {file}.json and manifest.json are honoured)." };
        var merchant = new Option<string>("--merchant") { Description = "Merchant name (its settings come from config/{merchant}/settings.json).", DefaultValueFactory = _ => "local" };
        var platforms = new Option<string[]>("--platforms") { Description = "Platforms to export, e.g. amazon_main shopify (default: the merchant's settings).", AllowMultipleArgumentsPerToken = true };
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
            new ProcessRequest(result.GetValue(folder)!, result.GetValue(merchant)!, result.GetValue(platforms) ?? [], result.GetValue(output)!, result.GetValue(settings) ?? []),
            token));
        return command;
    }

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
        var copied = await CopyFolderAsync(store, folder, safeMerchant, batch, cancellationToken).ConfigureAwait(false);
        if (platforms.Length > 0)
        {
            await WritePlatformsAsync(store, safeMerchant, platforms, cancellationToken).ConfigureAwait(false);
        }

        AnsiConsole.MarkupLine($"Processing {copied} files from {Markup.Escape(folder.FullName)} as {safeMerchant}/{batch} ...");
        return await BatchCommand.ProcessAsync(services, safeMerchant, batch, failOnErrors: true, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CopyFolderAsync(IBlobStore store, DirectoryInfo folder, string merchant, string batch, CancellationToken cancellationToken)
    {
        var copied = 0;
        foreach (var file in folder.EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var isImage = ImageExtensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase);
            if (!isImage && !file.Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = file.Name.Equals("manifest.json", StringComparison.OrdinalIgnoreCase) ? "manifest.json" : NameTemplate.MakeSafe(file.Name);
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"{merchant}/{batch}/{name}"), await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            copied += isImage ? 1 : 0;
        }

        return copied;
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
