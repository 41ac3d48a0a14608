using System.Text.Json;
using System.Text.Json.Serialization;
using ShelfReady.Pipeline.Settings;

namespace ShelfReady.Pipeline.Profiles;

/// <summary>
/// The platform profiles shipped in platforms.json, with per-merchant overrides merged on top: an override
/// names a profile and gives only the fields it changes.
/// </summary>
public sealed class PlatformProfileCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, PlatformProfile> profiles;

    private PlatformProfileCatalog(Dictionary<string, PlatformProfile> profiles)
    {
        this.profiles = profiles;
    }

    /// <summary>Names of every profile.</summary>
    public IReadOnlyCollection<string> Names => profiles.Keys;

    /// <summary>The profiles shipped with ShelfReady.</summary>
    public static PlatformProfileCatalog Builtin()
    {
        using var stream = typeof(PlatformProfileCatalog).Assembly.GetManifestResourceStream("ShelfReady.Pipeline.platforms.json")
            ?? throw new InvalidOperationException("The built-in platforms.json resource is missing from the assembly.");
        using var document = JsonDocument.Parse(stream);
        return FromJson(document.RootElement, null);
    }

    /// <summary>This catalogue with a merchant's overrides applied, e.g. <c>{"amazon_main": {"longSide": 3000}}</c>.</summary>
    public PlatformProfileCatalog WithOverrides(string overridesJson)
    {
        using var overrides = JsonDocument.Parse(overridesJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return FromJson(overrides.RootElement, this);
    }

    /// <summary>This catalogue as the merchant sees it: with their overrides applied, if they have any.</summary>
    public PlatformProfileCatalog For(MerchantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.PlatformOverrides is { } overrides ? WithOverrides(overrides.GetRawText()) : this;
    }

    /// <summary>The named profile.</summary>
    /// <exception cref="KeyNotFoundException">No profile has that name; the message lists the known ones.</exception>
    public PlatformProfile Get(string name) =>
        profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new KeyNotFoundException($"Unknown platform '{name}'. Known platforms: {string.Join(", ", profiles.Keys.Order(StringComparer.Ordinal))}.");

    private static PlatformProfileCatalog FromJson(JsonElement root, PlatformProfileCatalog? basis)
    {
        var merged = basis is null ? new Dictionary<string, PlatformProfile>(StringComparer.Ordinal) : new(basis.profiles, StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            var json = merged.TryGetValue(property.Name, out var existing)
                ? MergeObjects(JsonSerializer.SerializeToElement(existing, JsonOptions), property.Value)
                : property.Value.GetRawText();
            var profile = (JsonSerializer.Deserialize<PlatformProfile>(json, JsonOptions)
                ?? throw new InvalidOperationException($"Platform profile '{property.Name}' is empty.")) with { Name = property.Name };
            profile.Validate();
            merged[property.Name] = profile;
        }

        return new PlatformProfileCatalog(merged);
    }

    private static string MergeObjects(JsonElement basis, JsonElement changes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in basis.EnumerateObject())
            {
                if (!changes.TryGetProperty(property.Name, out _))
                {
                    property.WriteTo(writer);
                }
            }

            foreach (var property in changes.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
