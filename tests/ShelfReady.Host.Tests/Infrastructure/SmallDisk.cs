using System.Diagnostics;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>
/// A small tmpfs mounted over a folder, so a test can fill it or make it read-only the way a real disk fails.
/// Mounting needs root: without it the test skips with a message, and fails when CI=true.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private const string Filler = ".filler";
    private readonly string mountPoint;

    private SmallDisk(string mountPoint)
    {
        this.mountPoint = mountPoint;
    }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> over <paramref name="folder"/>.</summary>
    public static SmallDisk Mount(string folder, int megabytes)
    {
        Directory.CreateDirectory(folder);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
        if (code != 0)
        {
            var message = $"A tmpfs could not be mounted (needs root): {output.Trim()}";
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), message);
            Assert.Skip(message);
        }

        return new SmallDisk(folder);
    }

    /// <summary>Fills every free byte with one file, so the next write fails with "No space left on device".</summary>
    public void Fill()
    {
        using var stream = new FileStream(Path.Combine(mountPoint, Filler), FileMode.Create, FileAccess.Write);
        var block = new byte[1 << 20];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // The disk is full, which is the point.
        }
    }

    /// <summary>Removes the filler: the disk has room again.</summary>
    public void Free() => File.Delete(Path.Combine(mountPoint, Filler));

    /// <summary>Remounts the disk read-only or read-write.</summary>
    public void SetReadOnly(bool readOnly)
    {
        var (code, output) = Run("mount", "-o", readOnly ? "remount,ro" : "remount,rw", mountPoint);
        Assert.True(code == 0, $"remount failed: {output}");
    }

    public void Dispose() => Run("umount", "--lazy", mountPoint);

    private static (int Code, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
