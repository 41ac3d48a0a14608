using System.Runtime.InteropServices;

namespace ShelfReady.Host.Storage;

/// <summary>Publishes a complete file under a new name only if that name is free, in one atomic step.</summary>
internal static partial class ExclusiveFile
{
    private const int AlreadyExists = 17; // EEXIST on Linux and macOS

    /// <summary>
    /// Makes <paramref name="source"/> visible as <paramref name="target"/> unless <paramref name="target"/>
    /// exists; true when this call created it. The caller deletes whatever is left at <paramref name="source"/>.
    /// </summary>
    public static bool TryPublish(string source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            return TryMoveWithoutReplace(source, target);
        }

        if (Link(source, target) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        return error == AlreadyExists
            ? false
            : throw new IOException($"Could not publish '{target}': link(2) failed with errno {error} ({Marshal.GetPInvokeErrorMessage(error)}). The storage folder must be on a file system with hard links.");
    }

    // MoveFileEx without MOVEFILE_REPLACE_EXISTING is a single exclusive step on Windows.
    private static bool TryMoveWithoutReplace(string source, string target)
    {
        try
        {
            File.Move(source, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target))
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);
}
