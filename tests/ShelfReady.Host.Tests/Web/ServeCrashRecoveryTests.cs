using System.Diagnostics;
using System.Globalization;
using ShelfReady.Host.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Web;

/// <summary>
/// The always-on host as a real child process, killed with SIGKILL twice while it works through 30 images and
/// restarted each time: every image must end exported exactly once, and no activity whose completion was
/// committed before a kill may run again after it (counted from the host's activity journal).
/// </summary>
public sealed class ServeCrashRecoveryTests : IDisposable
{
    private const int Images = 30;

    // An activity that ended this long before a kill has had its completion committed: commits follow within
    // milliseconds, and the margin absorbs a loaded machine.
    private static readonly TimeSpan CommitMargin = TimeSpan.FromSeconds(3);

    private readonly string root = Directory.CreateTempSubdirectory("shelfready-crash-").FullName;
    private readonly FolderBlobStore store;

    public ServeCrashRecoveryTests()
    {
        store = new FolderBlobStore(Path.Combine(root, "storage"));
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string JournalPath => Path.Combine(root, "journal.log");

    [Fact]
    public async Task Serve_KilledTwiceMidBatch_ExportsEveryImageOnceAndNeverRepeatsCommittedWork()
    {
        await DropBatchAsync();
        var kills = new List<DateTime>();

        kills.Add(await RunUntilAsync(() => JournalEnds() >= 60));
        kills.Add(await RunUntilAsync(() => JournalEnds() >= 180));
        await RunUntilAsync(() => Outcomes().Count == Images);

        Assert.All(Outcomes(), outcome => Assert.Equal(ImageStatus.Exported, outcome.Status));
        Assert.Equal(Images, Directory.GetFiles(ExportFolder("amazon_main")).Length);
        Assert.Equal(2 * Images, Directory.GetFiles(ExportFolder("shopify")).Length);
        Assert.DoesNotContain(Directory.GetFiles(Path.Combine(root, "storage", "exports"), "*", SearchOption.AllDirectories), f => Path.GetFileNameWithoutExtension(f).EndsWith("-2", StringComparison.Ordinal));
        Assert.Empty(CommittedWorkRunAgain(kills));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private async Task DropBatchAsync()
    {
        var settings = MerchantSettings.Default with { Platforms = ["amazon_main", "shopify"] };
        await store.WriteAsync(WorkPaths.Settings("acme"), PipelineJson.Bytes(settings), Token);
        for (var i = 0; i < Images; i++)
        {
            using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = 900 + i, Width = 1000, Height = 750, Complexity = ProductComplexity.Simple, Category = "electronics" });
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"acme/crash/item-{i:00}.jpg"), shot.ToJpeg(), Token);
        }
    }

    // Starts the host, waits for the condition, then kills it without warning; returns when it died.
    private async Task<DateTime> RunUntilAsync(Func<bool> condition)
    {
        using var host = StartHost();
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(host.HasExited, $"The host exited on its own with code {(host.HasExited ? host.ExitCode : 0)}.");
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(4), "The host made no progress for four minutes.");
            await Task.Delay(100, Token);
        }

        host.Kill(entireProcessTree: true);
        var killedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
        await host.WaitForExitAsync(Token);
        return killedAt;
    }

    private Process StartHost()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "shelfready.dll"), "serve", "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SHELFREADY_Storage__Root"] = Path.Combine(root, "storage");
        start.Environment["SHELFREADY_Engine__DatabasePath"] = Path.Combine(root, "engine.db");
        start.Environment["SHELFREADY_Diagnostics__ActivityJournal"] = JournalPath;
        start.Environment["SHELFREADY_Watcher__PollInterval"] = "00:00:00.200";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private int JournalEnds() => File.Exists(JournalPath) ? ReadJournal().Count(entry => entry.Kind == "end") : 0;

    private List<JournalEntry> ReadJournal()
    {
        using var stream = new FileStream(JournalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var entries = new List<JournalEntry>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 5)
            {
                entries.Add(new JournalEntry(new DateTime(long.Parse(parts[0], CultureInfo.InvariantCulture), DateTimeKind.Utc), parts[1], $"{parts[2]} {parts[3]} {parts[4]}"));
            }
        }

        return entries;
    }

    private List<ImageOutcome> Outcomes() =>
        Directory.Exists(Path.Combine(root, "storage", "work"))
            ? Directory.GetFiles(Path.Combine(root, "storage", "work"), "outcome.json", SearchOption.AllDirectories)
                .Select(file => PipelineJson.Read<ImageOutcome>(File.ReadAllBytes(file), file))
                .ToList()
            : [];

    private string ExportFolder(string platform) => Path.Combine(root, "storage", "exports", "acme", "crash", platform);

    // An execution (instance, activity, input) that ended well before a kill must not start again after it.
    private List<string> CommittedWorkRunAgain(List<DateTime> kills)
    {
        var journal = ReadJournal();
        var problems = new List<string>();
        foreach (var execution in journal.GroupBy(entry => entry.Execution))
        {
            foreach (var kill in kills)
            {
                var committedBefore = execution.Any(entry => entry.Kind == "end" && entry.At < kill - CommitMargin);
                var startedAfter = execution.Any(entry => entry.Kind == "start" && entry.At > kill);
                if (committedBefore && startedAfter)
                {
                    problems.Add($"{execution.Key} ran again after the kill at {kill:O}");
                }
            }
        }

        return problems;
    }

    private sealed record JournalEntry(DateTime At, string Kind, string Execution);
}
