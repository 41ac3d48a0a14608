using NetVips;

namespace ShelfReady.Imaging;

/// <summary>Process-wide libvips settings that every entry point of this library relies on.</summary>
public static class VipsRuntime
{
    private static readonly Lock Gate = new();
    private static bool configured;

    /// <summary>
    /// Applies the settings once: loaders libvips marks untrusted (e.g. matload, ImageMagick delegates) are
    /// blocked because ShelfReady decodes files from strangers, and the operation cache is kept small so a
    /// long batch does not accumulate every intermediate it ever built.
    /// </summary>
    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (configured)
            {
                return;
            }

            NetVips.NetVips.BlockUntrusted = true;
            Cache.Max = 50;
            Cache.MaxMem = 64L * 1024 * 1024;
            Cache.MaxFiles = 10;
            configured = true;
        }
    }
}
