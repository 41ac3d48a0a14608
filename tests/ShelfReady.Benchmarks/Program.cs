using BenchmarkDotNet.Running;
using ShelfReady.Benchmarks.Orchestration;

if (args is ["orchestration-throughput", .. var rest])
{
    await ThroughputStopwatch.RunAsync(rest);
    return;
}

// Pick benchmarks on the command line, e.g. `--filter *Studio*`; see README "Benchmarks".
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
