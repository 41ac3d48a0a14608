using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using NetVips;
using ShelfReady.Host.Storage;
using ShelfReady.Host.Tests.Infrastructure;
using ShelfReady.Imaging;
using ShelfReady.Imaging.Synthetic;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Jobs;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Host.Tests.Web;

/// <summary>
/// The always-on host as a real child process on a generated catalogue split into batches with manifests,
/// killed with SIGKILL at planned moments — while an export is being written, while a delivery is being packaged,
/// while a webhook is being delivered, and at random — and restarted each time; then every guarantee is checked
/// from outside: one exported outcome per image, no export name taken twice, every export complete, every
/// delivery zip matching its manifest, every webhook id delivered, and no activity whose completion was committed
/// before a kill run again after it (from the host's activity journal). Shared by the test suite (small) and the
/// <c>chaos</c> benchmark (large).
/// </summary>
internal sealed class ChaosRun(string root, ChaosPlan plan)
{
    private const string Merchant = "acme";
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly string[] Platforms = ["amazon_main", "shopify"];
    private static readonly TimeSpan ActivityLimit = TimeSpan.FromSeconds(90);

    private readonly FolderBlobStore store = new(Path.Combine(root, "storage"));
    private readonly Dictionary<string, List<string>> jobsByBatch = new(StringComparer.Ordinal);
    private readonly List<string> kills = [];
    private readonly List<(int JournalLines, HashSet<string> Committed)> afterKills = [];

    private string JournalPath => ServeProcess.JournalPath(root);

    /// <summary>Drops the catalogue, runs the kills and a last uninterrupted run, and checks the result.</summary>
    public async Task<ChaosReport> RunAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        await using var webhooks = new WebhookReceiver();
        await DropCatalogueAsync(webhooks.Url, cancellationToken).ConfigureAwait(false);
        var random = new Random(plan.Seed);
        foreach (var target in plan.Targets())
        {
            await RunThenKillAsync(target, random, cancellationToken).ConfigureAwait(false);
        }

        await RunUntilDoneAsync(webhooks, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        var (exported, files) = await CheckOutcomesAndExportsAsync(problems, cancellationToken).ConfigureAwait(false);
        await CheckDeliveriesAsync(problems, cancellationToken).ConfigureAwait(false);
        var deliveries = CheckWebhooks(webhooks, problems);
        problems.AddRange(CommittedWorkRunAgain());
        return new ChaosReport(jobsByBatch.Values.Sum(j => j.Count), exported, kills, files, deliveries, elapsed.Elapsed, problems);
    }

    private async Task DropCatalogueAsync(Uri webhookUrl, CancellationToken cancellationToken)
    {
        // An image routed to a person gives up after three short waits, so every image reaches an outcome unattended.
        var settings = MerchantSettings.Default with
        {
            Platforms = Platforms,
            WebhookUrl = webhookUrl,
            WebhookSecretName = Merchant,
            AllowPrivateWebhookTargets = true,
            ReviewReminderAfter = TimeSpan.FromSeconds(2),
            ReviewTimeoutOutcome = ReviewTimeoutOutcomes.Reject,
        };
        await store.WriteAsync(WorkPaths.Settings(Merchant), PipelineJson.Bytes(settings), cancellationToken).ConfigureAwait(false);
        for (var b = 0; b < plan.Batches; b++)
        {
            var batch = $"chaos-{b:00}";
            var files = new List<string>();
            jobsByBatch[batch] = [];
            for (var i = 0; i < plan.Images / plan.Batches; i++)
            {
                var file = $"item-{b:00}{i:000}.jpg";
                using var shot = StudioShotGenerator.Generate(new StudioShotSpec { Seed = plan.Seed + (b * 1000) + i, Width = plan.Width, Height = plan.Width * 3 / 4, Complexity = ProductComplexity.Simple, Category = "electronics" });
                var bytes = shot.ToJpeg();
                var upload = new BlobPath(BlobContainers.Uploads, $"{Merchant}/{batch}/{file}");
                await store.WriteAsync(upload, bytes, cancellationToken).ConfigureAwait(false);
                jobsByBatch[batch].Add(JobIdentity.JobId(upload.Name, JobIdentity.ContentHash(bytes)));
                files.Add(file);
            }

            var manifest = "{\"images\": [" + string.Join(", ", files.Select(f => $"{{\"file\": \"{f}\"}}")) + "]}";
            await store.WriteAsync(new BlobPath(BlobContainers.Uploads, $"{Merchant}/{batch}/manifest.json"), Encoding.UTF8.GetBytes(manifest), cancellationToken).ConfigureAwait(false);
        }
    }

    // Starts the host and kills it once the target activity has started and not yet ended (or, for a random
    // kill, after a random moment).
    private async Task RunThenKillAsync(string? target, Random random, CancellationToken cancellationToken)
    {
        using var host = StartHost();
        var started = JournalLines();
        var waited = Stopwatch.StartNew();
        var randomAt = TimeSpan.FromMilliseconds(random.Next(1500, 6000));

        // A package starts only once every image of its batch has an outcome, which takes most of a run.
        var targetLimit = target == ActivityNames.Package ? plan.FinishLimit : ActivityLimit;
        string moment;
        while (true)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The host exited on its own with code {host.ExitCode}.");
            }

            if (target is null && waited.Elapsed >= randomAt)
            {
                moment = $"at random after {randomAt.TotalSeconds:0.0} s";
                break;
            }

            if (target is not null && RunningSince(started, target) is { } running)
            {
                moment = $"during {target} ({running})";
                break;
            }

            if (target is not null && waited.Elapsed > targetLimit)
            {
                moment = $"after {targetLimit.TotalSeconds:0} s without a {target} starting";
                break;
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }

        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        kills.Add(moment);
        afterKills.Add((JournalLines(), CommittedCompletions()));
    }

    private async Task RunUntilDoneAsync(WebhookReceiver webhooks, CancellationToken cancellationToken)
    {
        using var host = StartHost();
        var waited = Stopwatch.StartNew();
        while (!IsDone(webhooks))
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The host exited on its own with code {host.ExitCode}.");
            }

            if (waited.Elapsed > plan.FinishLimit)
            {
                var received = webhooks.Received.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
                var missing = ExpectedWebhookIds().Where(id => !received.Contains(id)).ToList();
                throw new TimeoutException($"The catalogue was not finished {plan.FinishLimit.TotalMinutes:0} minutes after the last kill; {missing.Count} webhooks never came: {string.Join(", ", missing.Take(5))}. Outbox: {string.Join(", ", Directory.Exists(Path.Combine(root, "outbox")) ? Directory.GetFiles(Path.Combine(root, "outbox")).Take(3) : [])}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool IsDone(WebhookReceiver webhooks)
    {
        if (!jobsByBatch.Values.SelectMany(j => j).All(job => File.Exists(store.FilePath(WorkPaths.Outcome(job)))))
        {
            return false;
        }

        var received = webhooks.Received.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        return ExpectedWebhookIds().All(received.Contains);
    }

    // One event per image, named by how it ended, and one per batch.
    private IEnumerable<string> ExpectedWebhookIds() =>
        jobsByBatch.SelectMany(batch => batch.Value.Select(job => $"{ImageEvent(job)}_{job}").Append($"batch.completed_{Merchant}_{batch.Key}"));

    private string ImageEvent(string job) => File.Exists(store.FilePath(WorkPaths.Outcome(job)))
        ? PipelineJson.Read<ImageOutcome>(File.ReadAllBytes(store.FilePath(WorkPaths.Outcome(job))), "outcome").Status switch
        {
            ImageStatus.Exported => "image.exported",
            ImageStatus.Rejected or ImageStatus.NotApproved => "image.rejected",
            _ => "image.failed",
        }
        : "image.(no outcome)";

    private async Task<(int Exported, int Files)> CheckOutcomesAndExportsAsync(List<string> problems, CancellationToken cancellationToken)
    {
        var (exported, files) = (0, 0);
        foreach (var job in jobsByBatch.Values.SelectMany(j => j))
        {
            var outcome = PipelineJson.Read<ImageOutcome>(await store.ReadAsync(WorkPaths.Outcome(job), cancellationToken).ConfigureAwait(false), "outcome");
            if (outcome.Status == ImageStatus.Failed)
            {
                problems.Add($"{job}: failed ({outcome.Reason})");
            }

            exported += outcome.Status == ImageStatus.Exported ? 1 : 0;

            foreach (var file in outcome.Exports.SelectMany(e => e.Files))
            {
                files++;
                if (Incomplete(File.ReadAllBytes(store.FilePath(file.Path)), file.Bytes, file.Width, file.Height) is { } why)
                {
                    problems.Add($"{file.Path}: {why}");
                }
            }
        }

        var stored = Directory.GetFiles(Path.Combine(root, "storage", BlobContainers.Exports), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".zip", StringComparison.Ordinal) && !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".csv", StringComparison.Ordinal))
            .ToList();
        problems.AddRange(stored.Where(f => Path.GetFileNameWithoutExtension(f).EndsWith("-2", StringComparison.Ordinal)).Select(f => $"{f}: a second name for one export"));
        if (stored.Count != files)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{stored.Count} export files are stored, but the outcomes name {files}"));
        }

        return (exported, files);
    }

    private async Task CheckDeliveriesAsync(List<string> problems, CancellationToken cancellationToken)
    {
        foreach (var (batch, jobs) in jobsByBatch)
        {
            var bytes = await store.ReadAsync(WorkPaths.Package(Merchant, batch, "delivery.zip"), cancellationToken).ConfigureAwait(false);
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var manifestEntry = zip.GetEntry("manifest.json");
            if (manifestEntry is null)
            {
                problems.Add($"{batch}: delivery.zip holds no manifest.json");
                continue;
            }

            using var manifestStream = manifestEntry.Open();
            using var manifestCopy = new MemoryStream();
            manifestStream.CopyTo(manifestCopy);
            var manifest = PipelineJson.Read<DeliveryManifest>(manifestCopy.ToArray(), "delivery manifest");
            var ended = jobs.ToDictionary(job => job, job => PipelineJson.Read<ImageOutcome>(File.ReadAllBytes(store.FilePath(WorkPaths.Outcome(job))), "outcome").Status, StringComparer.Ordinal);
            if (manifest.Images.Count != jobs.Count || manifest.Images.Any(i => i.JobId is null || !ended.TryGetValue(i.JobId, out var status) || status != i.Status))
            {
                problems.Add($"{batch}: the delivery lists {manifest.Images.Count} images of {jobs.Count}, or an image with another status than its outcome");
            }

            var listed = manifest.Images.SelectMany(i => i.Files).ToList();
            foreach (var file in listed)
            {
                problems.AddRange(CheckEntry(zip, batch, file));
            }

            var extra = zip.Entries.Select(e => e.FullName).Except(listed.Select(f => f.Entry).Concat(["manifest.json", "exports.csv"]), StringComparer.Ordinal).ToList();
            problems.AddRange(extra.Select(e => $"{batch}: delivery.zip holds {e}, which its manifest does not list"));
        }
    }

    private static IEnumerable<string> CheckEntry(ZipArchive zip, string batch, DeliveredFile file)
    {
        var entry = zip.GetEntry(file.Entry);
        if (entry is null)
        {
            return [$"{batch}: {file.Entry} is listed but not in the zip"];
        }

        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        return !string.Equals(sha, file.Sha256, StringComparison.OrdinalIgnoreCase) ? [$"{batch}: {file.Entry} does not match its SHA-256"]
            : Incomplete(content, file.Bytes, file.Width, file.Height) is { } why ? [$"{batch}: {file.Entry}: {why}"]
            : [];
    }

    private int CheckWebhooks(WebhookReceiver webhooks, List<string> problems)
    {
        var received = webhooks.Received.ToList();
        var expected = ExpectedWebhookIds().ToHashSet(StringComparer.Ordinal);
        problems.AddRange(received.Where(w => w.Id is null || !expected.Contains(w.Id)).Select(w => $"webhook with unexpected id '{w.Id}'"));
        problems.AddRange(received.Where(w => string.IsNullOrEmpty(w.Signature)).Select(w => $"webhook {w.Id} is unsigned"));
        return received.Count;
    }

    // The bytes are the whole file: the recorded length, and a decode to the last row at the recorded size.
    private static string? Incomplete(byte[] content, long bytes, int width, int height)
    {
        if (content.LongLength != bytes)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{content.LongLength} bytes, not {bytes}");
        }

        try
        {
            using var image = Image.NewFromBuffer(content, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
            _ = image.Avg();
            return (image.Width, image.Height) == (width, height) ? null : $"{image.Width}×{image.Height}, not {width}×{height}";
        }
        catch (VipsException ex)
        {
            return $"does not decode: {ex.Message}";
        }
    }

    // The target's newest start line written after this run began that has no end line yet.
    private string? RunningSince(int skipLines, string activity)
    {
        var lines = JournalLines(skipLines);
        var started = lines.Where(l => l.Kind == "start" && l.Activity == activity).Select(l => l.Execution).ToList();
        var ended = lines.Where(l => l.Kind == "end" && l.Activity == activity).Select(l => l.Execution).ToHashSet(StringComparer.Ordinal);
        return started.LastOrDefault(execution => !ended.Contains(execution));
    }

    private int JournalLines() => JournalLines(0).Count;

    // The activity calls (instance and task id) whose completion the dead host's engine database holds, applied to
    // history or still in its inbox: exactly the work a restart must not do again.
    private HashSet<string> CommittedCompletions()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(root, "engine.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT instance_id, task_id FROM history WHERE type = 3 UNION SELECT instance_id, task_id FROM inbox WHERE kind = 2";
        using var reader = command.ExecuteReader();
        var committed = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            committed.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {reader.GetInt64(1)}"));
        }

        return committed;
    }

    // A call whose completion was committed before a kill must not start again in a later run.
    private IEnumerable<string> CommittedWorkRunAgain()
    {
        var journal = JournalLines(0);
        return from kill in afterKills
               from line in journal.Skip(kill.JournalLines)
               where line.Kind == "start" && kill.Committed.Contains(line.Call)
               select $"{line.Activity} ({line.Call}) ran again after its completion was committed";
    }

    // Each line: its kind, its activity, the execution (instance, activity, task id and input) and the call
    // (instance and task id).
    private List<(string Kind, string Activity, string Execution, string Call)> JournalLines(int skip)
    {
        if (!File.Exists(JournalPath))
        {
            return [];
        }

        using var stream = new FileStream(JournalPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = new List<(string, string, string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            if (parts.Length == 5)
            {
                lines.Add((parts[1], parts[3], $"{parts[2]} {parts[3]} {parts[4]}", $"{parts[2]} {parts[4].Split(':')[0]}"));
            }
        }

        return lines.Skip(skip).ToList();
    }

    private Process StartHost() => ServeProcess.Start(root, new Dictionary<string, string>
    {
        ["SHELFREADY_Watcher__BatchPollInterval"] = "00:00:01",
        [$"SHELFREADY_Webhooks__Secrets__{Merchant}"] = Secret,
    });
}
