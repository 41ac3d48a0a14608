using System.Globalization;
using ShelfReady.Host.Batches;
using Spectre.Console;

namespace ShelfReady.Host.Cli;

/// <summary>
/// Shows a run to a person: a live progress bar on a terminal, one plain line per change when the output is
/// redirected (logs and CI), and a summary table at the end either way.
/// </summary>
internal static class RunPresenter
{
    public static async Task<BatchRunResult> RunWithProgressAsync(Func<IProgress<IReadOnlyList<ImageRun>>, Task<BatchRunResult>> run)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            var printer = new PlainProgress();
            return await run(printer).ConfigureAwait(false);
        }

        BatchRunResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Processing images");
                var progress = new Progress<IReadOnlyList<ImageRun>>(runs =>
                {
                    task.MaxValue = Math.Max(1, runs.Count);
                    task.Value = runs.Count(r => r.IsSettled);
                });
                result = await run(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
            })
            .ConfigureAwait(false);
        return result!;
    }

    public static void PrintSummary(BatchRunResult result, string reportLocation)
    {
        var table = new Table().AddColumns("Image", "Result", "Route", "QC", "Exports", "Note");
        foreach (var image in result.Images)
        {
            var outcome = image.Outcome;
            table.AddRow(
                Markup.Escape(image.Upload.FileName),
                Markup.Escape(image.State.ToString()),
                Markup.Escape(outcome?.Route?.Complexity.ToString() ?? image.Progress?.Route ?? ""),
                (outcome?.Qc?.Score ?? image.Progress?.Score)?.ToString(CultureInfo.InvariantCulture) ?? "",
                (outcome?.Exports.Sum(e => e.Files.Count) ?? 0).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Shorten(outcome?.Reason ?? image.Failure ?? "")));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0} images in {1:0.0} s: {2} exported, {3} awaiting review, {4} rejected, {5} failed.",
            result.Images.Count, result.Elapsed.TotalSeconds, result.Count(ImageRunState.Exported), result.Count(ImageRunState.AwaitingReview),
            result.Count(ImageRunState.Rejected), result.Count(ImageRunState.Failed) + result.Count(ImageRunState.NotApproved));
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Delivery package: {0}", Markup.Escape(result.Package.Zip.ToString()));
        AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "Report: [link]{0}[/]", Markup.Escape(reportLocation));
    }

    /// <summary>Where the images that wait for a person can be decided.</summary>
    public static void PrintReviewWhere(Uri queue, string outbox, string reviewer, string folder)
    {
        // Plain lines: a console that wraps the URL would break it for copy and paste.
        Console.WriteLine($"Waiting images can be reviewed once serve runs on this folder: dotnet run --project src/ShelfReady.Host -- serve --out {folder}");
        Console.WriteLine($"  queue for {reviewer}: {queue.AbsoluteUri}");
        Console.WriteLine($"  review emails (.eml): {outbox}");
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";

    private sealed class PlainProgress : IProgress<IReadOnlyList<ImageRun>>
    {
        private readonly Dictionary<string, ImageRunState> seen = new(StringComparer.Ordinal);

        public void Report(IReadOnlyList<ImageRun> value)
        {
            var settled = value.Count(r => r.IsSettled);
            foreach (var run in value.Where(r => r.IsSettled && (!seen.TryGetValue(r.JobId, out var state) || state != r.State)))
            {
                seen[run.JobId] = run.State;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{settled}/{value.Count}] {run.Upload.FileName}: {run.State}"));
            }
        }
    }
}
