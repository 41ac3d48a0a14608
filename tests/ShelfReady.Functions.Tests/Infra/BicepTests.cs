using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using ShelfReady.Host.Tests.Infrastructure;

namespace ShelfReady.Functions.Tests.Infra;

/// <summary>Builds and lints infra/ with the real Bicep compiler (NuGet Azure.Bicep.CommandLine.linux-x64).</summary>
public sealed class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
    private static readonly string Main = Path.Combine(RepositoryRoot.Path, "infra", "main.bicep");

    [Fact]
    public async Task Build_MainTemplate_CompilesWithNoDiagnostics()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("shelfready-bicep-").FullName, "main.json");

        var (exitCode, text) = await RunAsync("build", Main, "--outfile", output);

        Assert.True(exitCode == 0 && string.IsNullOrWhiteSpace(text), $"bicep build exited {exitCode}:\n{text}");
        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        var types = template.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("type").GetString()).ToHashSet();
        Assert.Contains("Microsoft.Web/sites", types);
        Assert.Contains("Microsoft.EventGrid/systemTopics/eventSubscriptions", types);
        Assert.Contains("Microsoft.App/containerApps", types);
        Assert.Contains("Microsoft.KeyVault/vaults", types);
        Assert.Contains("Microsoft.Communication/communicationServices", types);
    }

    [Fact]
    public async Task Lint_MainTemplate_HasNoWarnings()
    {
        var (exitCode, text) = await RunAsync("lint", Main);

        Assert.True(exitCode == 0 && string.IsNullOrWhiteSpace(text), $"bicep lint exited {exitCode}:\n{text}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The compiler would otherwise try to reach the public registry for module metadata and telemetry.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Bicep} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }
}
