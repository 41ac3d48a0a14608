using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Host.Demo;
using ShelfReady.Pipeline.Storage;
using Spectre.Console;

namespace ShelfReady.Host.Cli;

/// <summary><c>demo</c>: generates a synthetic shoot, processes it end to end and shows the result.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for uploads, exports, report and engine state.", DefaultValueFactory = _ => new DirectoryInfo("shelfready-demo") };
        var count = new Option<int>("--count") { Description = "Generated product photos (broken files come on top).", DefaultValueFactory = _ => 40 };
        var seed = new Option<int>("--seed") { Description = "Generator seed: the same seed gives the same shoot.", DefaultValueFactory = _ => 7 };
        var size = new Option<int>("--long-side") { Description = "Long side of the generated photos in pixels.", DefaultValueFactory = _ => 1600 };
        var command = new Command("demo", "Generate a synthetic studio shoot with a few broken files, process it and write the report.") { output, count, seed, size };
        command.SetAction((result, token) => RunAsync(result.GetValue(output)!, result.GetValue(count), result.GetValue(seed), result.GetValue(size), token));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo output, int count, int seed, int longSide, CancellationToken cancellationToken)
    {
        if (count is < 1 or > 2000 || longSide is < 1000 or > 6000)
        {
            AnsiConsole.MarkupLine("[red]--count must be 1–2000 and --long-side 1000–6000.[/]");
            return 2;
        }

        await using var services = HostServices.Build(HostServices.UnderFolder(output.FullName));
        var store = services.GetRequiredService<IBlobStore>();
        var batch = $"shoot-{seed}-{count}";
        AnsiConsole.MarkupLine($"Generating {count} studio shots and {DemoBatchWriter.BrokenFiles.Count} broken files into {Markup.Escape(output.FullName)} ...");
        await new DemoBatchWriter(store).WriteAsync("demo", batch, count, seed, longSide, cancellationToken).ConfigureAwait(false);
        return await BatchCommand.ProcessAsync(services, "demo", batch, failOnErrors: false, cancellationToken).ConfigureAwait(false);
    }
}
