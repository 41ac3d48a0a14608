using System.Globalization;
using System.Text.RegularExpressions;
using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Routing;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Pipeline.Activities;

/// <summary>
/// Finds the product category and the values file names are made of, trusting the merchant's own words
/// first: the sidecar <c>{file}.json</c>, then the batch manifest, then the merchant's file-name rules,
/// then photo keywords that name a known category, and only then the image classifier when one is configured.
/// </summary>
public sealed class ClassifyCategoryActivity(IBlobStore store, IProductClassifier? classifier = null) : Activity<ClassifyCategoryInput, CategoryOutput>
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly string[] KnownCategories =
    [
        ProductCategories.Jewelry, ProductCategories.Fur, ProductCategories.Lingerie, ProductCategories.Transparent,
        ProductCategories.Electronics, ProductCategories.Books, ProductCategories.CosmeticsTube,
    ];

    /// <inheritdoc />
    public override async Task<CategoryOutput> RunAsync(ActivityContext context, ClassifyCategoryInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var job = input.Job;
        var relative = RelativeName(job);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["stem"] = Path.GetFileNameWithoutExtension(job.Source.FileName),
            ["merchant"] = job.Merchant,
            ["batch"] = job.Batch,
            ["index"] = "1",
        };

        var (category, source) = ApplyRules(input.Settings.FileNameRules, relative, values);
        if (await ReadManifestEntryAsync(job, relative, context.CancellationToken).ConfigureAwait(false) is { } listed)
        {
            (category, source) = Merge(listed, values, category, source, "manifest");
        }

        if (await ReadSidecarAsync(job.Source, context.CancellationToken).ConfigureAwait(false) is { } sidecar)
        {
            (category, source) = Merge(sidecar, values, category, source, "sidecar");
        }

        if (category is null && input.Metadata.Keywords.FirstOrDefault(k => KnownCategories.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } keyword)
        {
            (category, source) = (keyword.ToLowerInvariant(), "keyword");
        }

        if (category is null && classifier is not null)
        {
            (category, source) = await ClassifyPixelsAsync(classifier, input.Master, context.CancellationToken).ConfigureAwait(false);
        }

        values["category"] = category ?? ProductCategories.Unknown;
        return new CategoryOutput(category ?? ProductCategories.Unknown, source ?? "none", values);
    }

    private async Task<(string? Category, string? Source)> ClassifyPixelsAsync(IProductClassifier pixels, BlobPath master, CancellationToken cancellationToken)
    {
        using var image = await WorkImages.ReadAsync(store, master, cancellationToken).ConfigureAwait(false);
        var guess = await pixels.ClassifyAsync(image, cancellationToken).ConfigureAwait(false);
        return guess.Category == ProductCategories.Unknown
            ? (null, null)
            : (guess.Category, string.Create(CultureInfo.InvariantCulture, $"classifier:{guess.Model}:{guess.Confidence:0.00}"));
    }

    private static string RelativeName(ProcessImageInput job)
    {
        var prefix = $"{job.Merchant}/{job.Batch}/";
        return job.Source.Name.StartsWith(prefix, StringComparison.Ordinal) ? job.Source.Name[prefix.Length..] : job.Source.FileName;
    }

    private static (string? Category, string? Source) ApplyRules(IReadOnlyList<string> rules, string relative, Dictionary<string, string?> values)
    {
        foreach (var rule in rules)
        {
            var regex = new Regex(rule, RegexOptions.ExplicitCapture, RegexTimeout);
            var match = regex.Match(relative);
            if (!match.Success)
            {
                continue;
            }

            foreach (var name in regex.GetGroupNames().Where(n => !int.TryParse(n, CultureInfo.InvariantCulture, out _)))
            {
                if (match.Groups[name].Success && match.Groups[name].Value.Length > 0)
                {
                    values[name] = match.Groups[name].Value;
                }
            }

            return match.Groups["category"].Success ? (match.Groups["category"].Value, "rule") : (null, null);
        }

        return (null, null);
    }

    private static (string? Category, string? Source) Merge(ManifestEntry entry, Dictionary<string, string?> values, string? category, string? source, string origin)
    {
        SetIfGiven(values, "asin", entry.Asin);
        SetIfGiven(values, "sku", entry.Sku);
        SetIfGiven(values, "variant", entry.Variant);
        SetIfGiven(values, "index", entry.Index?.ToString(CultureInfo.InvariantCulture));
        return string.IsNullOrWhiteSpace(entry.Category) ? (category, source) : (entry.Category.Trim().ToLowerInvariant(), origin);
    }

    private static void SetIfGiven(Dictionary<string, string?> values, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[key] = value.Trim();
        }
    }

    private async Task<ManifestEntry?> ReadManifestEntryAsync(ProcessImageInput job, string relative, CancellationToken cancellationToken)
    {
        var path = new BlobPath(job.Source.Container, $"{job.Merchant}/{job.Batch}/manifest.json");
        if (await store.GetPropertiesAsync(path, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var manifest = PipelineJson.Read<BatchManifest>(await store.ReadAsync(path, cancellationToken).ConfigureAwait(false), path.ToString());
        return manifest.Images.FirstOrDefault(entry => string.Equals(entry.File, relative, StringComparison.Ordinal));
    }

    private async Task<ManifestEntry?> ReadSidecarAsync(BlobPath upload, CancellationToken cancellationToken)
    {
        var path = WorkPaths.Sidecar(upload);
        return await store.GetPropertiesAsync(path, cancellationToken).ConfigureAwait(false) is null
            ? null
            : PipelineJson.Read<ManifestEntry>(await store.ReadAsync(path, cancellationToken).ConfigureAwait(false), path.ToString());
    }
}
