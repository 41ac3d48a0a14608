namespace ShelfReady.Orchestration.Tests.TestSupport;

/// <summary>Counts activity side effects in a file, the way a real activity's output would outlive its process.</summary>
internal sealed class SideEffectLog(string path)
{
    private readonly Lock gate = new();

    public void Append(string entry)
    {
        lock (gate)
        {
            File.AppendAllLines(path, [entry]);
        }
    }

    public int Count(string entry)
    {
        lock (gate)
        {
            return File.Exists(path) ? File.ReadAllLines(path).Count(line => line == entry) : 0;
        }
    }
}
