using System.Globalization;
using ShelfReady.Host.Tests.Web;

namespace ShelfReady.Benchmarks.Reliability;

/// <summary>
/// <c>chaos [images] [kills] [batches] [width]</c>: the test suite's chaos run at scale (500 images, 20 kills by
/// default) — <c>serve</c> killed with SIGKILL during export writes, webhook deliveries, packaging and at random,
/// restarted each time — then every guarantee checked. Prints the figures; exits 1 when a guarantee broke.
/// </summary>
internal static class ChaosCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var images = Argument(args, 0, 500);
        var kills = Argument(args, 1, 20);
        var batches = Argument(args, 2, 10);
        var width = Argument(args, 3, 1200);
        var plan = new ChaosPlan(images, batches, kills, width, Seed: 20261203, FinishLimit: TimeSpan.FromMinutes(60));
        var root = Directory.CreateTempSubdirectory("shelfready-chaos-bench-").FullName;
        try
        {
            var report = await new ChaosRun(root, plan).RunAsync(CancellationToken.None);
            Print(report, plan);
            return report.Problems.Count == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Print(ChaosReport report, ChaosPlan plan)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant, $"chaos: {report.Images} images ({plan.Width} px) in {plan.Batches} batches, {report.Kills.Count} SIGKILLs, {Environment.ProcessorCount} cores"));
        for (var i = 0; i < report.Kills.Count; i++)
        {
            Console.WriteLine(string.Create(invariant, $"  kill {i + 1,2}: {report.Kills[i]}"));
        }

        var expectedWebhooks = report.Images + plan.Batches;
        Console.WriteLine(string.Create(invariant, $"{report.Exported} exported, {report.Images - report.Exported} rejected after their review timed out; export files checked complete: {report.ExportFiles}; webhook requests: {report.WebhookDeliveries} for {expectedWebhooks} ids ({report.WebhookDeliveries - expectedWebhooks} redelivered)"));
        Console.WriteLine(string.Create(invariant, $"wall time {report.Elapsed.TotalMinutes:0.0} min, {report.Images / report.Elapsed.TotalMinutes:0.0} images/min including restarts"));
        Console.WriteLine(report.Problems.Count == 0 ? "every guarantee held" : $"{report.Problems.Count} broken guarantees:");
        foreach (var problem in report.Problems)
        {
            Console.WriteLine($"  {problem}");
        }
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
