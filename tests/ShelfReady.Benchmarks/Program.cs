using BenchmarkDotNet.Running;

// Pick benchmarks on the command line, e.g. `--filter *Studio*`; see README "Benchmarks".
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
