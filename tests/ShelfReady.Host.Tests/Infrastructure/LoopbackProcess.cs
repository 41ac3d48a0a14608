using System.Diagnostics;
using System.Net.Sockets;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>A real service the tests start as a child process (Azurite, MailDev), ready once it listens.</summary>
internal static class LoopbackProcess
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    /// <summary>Starts the npm-installed <paramref name="tool"/> and waits until it listens on <paramref name="port"/>.</summary>
    public static Task<Process> StartAsync(string tool, int port, params string[] arguments) => StartAsync(tool, [port], arguments);

    /// <summary>Starts a service that listens on several loopback ports and waits until it listens on all of them.</summary>
    public static async Task<Process> StartAsync(string tool, IReadOnlyList<int> ports, params string[] arguments)
    {
        var executable = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", tool);
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{tool} is not installed at {executable}. Run: bash scripts/install-test-deps");
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        foreach (var port in ports)
        {
            await WaitForPortAsync(process, tool, port).ConfigureAwait(false);
        }

        return process;
    }

    /// <summary>Kills the service and everything it started.</summary>
    public static async Task StopAsync(Process? process)
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process?.Dispose();
    }

    /// <summary>Asks the service to shut down (SIGTERM) so it saves what it holds, killing it if it has not within ten seconds.</summary>
    public static async Task ShutDownAsync(Process? process)
    {
        if (process is { HasExited: false })
        {
            using (var signal = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync().ConfigureAwait(false);
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // It did not stop on request; StopAsync kills it.
            }
        }

        await StopAsync(process).ConfigureAwait(false);
    }

    private static async Task WaitForPortAsync(Process process, string tool, int port)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < StartLimit)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{tool} exited with code {process.ExitCode} before listening.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"{tool} did not listen on port {port} within {StartLimit.TotalSeconds:0} s.");
    }
}
