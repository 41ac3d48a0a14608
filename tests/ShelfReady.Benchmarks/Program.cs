using BenchmarkDotNet.Running;
using ShelfReady.Benchmarks.Imaging;
using ShelfReady.Benchmarks.Inference;
using ShelfReady.Benchmarks.Libraries;
using ShelfReady.Benchmarks.Orchestration;
using ShelfReady.Benchmarks.Pipeline;
using ShelfReady.Benchmarks.Quality;
using ShelfReady.Benchmarks.Reliability;
using ShelfReady.Benchmarks.Service;
using ShelfReady.Benchmarks.Storage;

if (args is ["orchestration-throughput", .. var rest])
{
    await ThroughputStopwatch.RunAsync(rest);
    return;
}

if (args is ["studio-path", .. var studioArgs])
{
    StudioPathStopwatch.Run(studioArgs);
    return;
}

if (args is ["engine-throughput", .. var engineArgs])
{
    await EngineThroughput.RunAsync(engineArgs);
    return;
}

if (args is ["pipeline-throughput", .. var pipelineArgs])
{
    await PipelineThroughput.RunAsync(pipelineArgs);
    return;
}

if (args is ["segment-service", .. var serviceArgs])
{
    await SegmentServiceLoad.RunAsync(serviceArgs);
    return;
}

if (args is ["segment-quality", .. var qualityArgs])
{
    SegmentationQuality.Run(qualityArgs);
    return;
}

if (args is ["qc-calibration", .. var calibrationArgs])
{
    QcCalibration.Run(calibrationArgs);
    return;
}

if (args is ["claim-race", .. var raceArgs])
{
    await ClaimRace.RunAsync(raceArgs);
    return;
}

if (args is ["chaos", .. var chaosArgs])
{
    Environment.ExitCode = await ChaosCommand.RunAsync(chaosArgs);
    return;
}

if (args is ["memory", .. var memoryArgs])
{
    await MemoryCommand.RunAsync(memoryArgs);
    return;
}

if (args is ["text-detect", .. var textArgs])
{
    TextDetectionCost.Run(textArgs);
    return;
}

if (args is ["imaging-libraries", .. var librariesArgs])
{
    ImagingLibrariesCommand.Run(librariesArgs);
    return;
}

if (args is [LibraryTrial.Command, .. var trialArgs])
{
    LibraryTrial.Run(trialArgs);
    return;
}

// Pick benchmarks on the command line, e.g. `--filter *Studio*`; see README "Benchmarks".
BenchmarkSwitcher.FromAssembly(typeof(StudioPathBenchmarks).Assembly).Run(args);
