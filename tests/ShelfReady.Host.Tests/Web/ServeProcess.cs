using System.Diagnostics;
using System.Globalization;
using ShelfReady.Host.Tests.Infrastructure;

namespace ShelfReady.Host.Tests.Web;

/// <summary>Starts the always-on host (<c>shelfready serve</c>) as a real child process over one folder.</summary>
internal static class ServeProcess
{
    /// <summary>
    /// Starts <c>serve</c> on a free port with its storage, engine database, outbox and activity journal under
    /// <paramref name="root"/> and a fast watcher; <paramref name="environment"/> adds or overrides settings.
    /// </summary>
    public static Process Start(string root, IReadOnlyDictionary<string, string>? environment = null)
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
        start.Environment["SHELFREADY_Review__Email__OutboxFolder"] = Path.Combine(root, "outbox");
        start.Environment["SHELFREADY_Diagnostics__ActivityJournal"] = JournalPath(root);
        start.Environment["SHELFREADY_Watcher__PollInterval"] = "00:00:00.200";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The host did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The activity journal of a host started by <see cref="Start"/>.</summary>
    public static string JournalPath(string root) => Path.Combine(root, "journal.log");
}
