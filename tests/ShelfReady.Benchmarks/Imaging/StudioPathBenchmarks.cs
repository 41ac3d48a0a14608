using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace ShelfReady.Benchmarks.Imaging;

/// <summary>
/// One 12 MP studio JPEG through load, segmentation, measurements, composite and a 2000 px JPEG export, on one
/// core (process affinity to CPU 0, libvips single-threaded). Budget: 400 ms per image.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(OneCore))]
public class StudioPathBenchmarks
{
    private readonly StudioPath path = new();
    private byte[] photo = [];

    [GlobalSetup]
    public void Setup()
    {
        NetVips.NetVips.Concurrency = 1;
        NetVips.Cache.Max = 0;
        photo = StudioPath.TwelveMegapixelJpeg(seed: 12);
    }

    [Benchmark]
    public int TwelveMegapixelStudioJpeg() => path.Run(photo, []);

    private sealed class OneCore : ManualConfig
    {
        public OneCore() => AddJob(Job.Default.WithAffinity(1).WithWarmupCount(3).WithIterationCount(15));
    }
}
