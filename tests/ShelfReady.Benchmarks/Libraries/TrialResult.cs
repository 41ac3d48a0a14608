namespace ShelfReady.Benchmarks.Libraries;

/// <summary>What one library's child process measured; it travels to the parent as one JSON line.</summary>
/// <param name="Library">The library's command-line name.</param>
/// <param name="JpegMilliseconds">Median of decode + resize + JPEG encode.</param>
/// <param name="WebpMilliseconds">Median of decode + resize + WebP encode.</param>
/// <param name="JpegCpuMilliseconds">Median CPU time of the process (all its threads) for the JPEG job.</param>
/// <param name="WebpCpuMilliseconds">Median CPU time of the process for the WebP job.</param>
/// <param name="JpegBytes">Size of the last JPEG, to see both encoders wrote comparable files.</param>
/// <param name="WebpBytes">Size of the last WebP.</param>
/// <param name="PeakResidentBytes">The child's peak resident memory (the kernel's VmHWM) over all its runs.</param>
internal sealed record TrialResult(
    string Library, double JpegMilliseconds, double WebpMilliseconds, double JpegCpuMilliseconds, double WebpCpuMilliseconds, int JpegBytes, int WebpBytes, long PeakResidentBytes);
