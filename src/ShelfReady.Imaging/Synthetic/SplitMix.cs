namespace ShelfReady.Imaging.Synthetic;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fully specified generator, so a seed gives the same shot on
/// every runtime version, which <see cref="Random"/> does not promise.
/// </summary>
internal sealed class SplitMix
{
    private ulong state;

    public SplitMix(ulong seed) => state = seed;

    public static ulong Mix(ulong seed, ulong stream)
    {
        var generator = new SplitMix(seed ^ (stream * 0xD1B54A32D192ED03UL));
        return generator.NextUInt64();
    }

    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double Range(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Standard normal sample (Box–Muller).</summary>
    public double Gaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
