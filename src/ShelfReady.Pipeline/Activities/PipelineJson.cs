using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShelfReady.Pipeline.Activities;

/// <summary>JSON conventions of every record ShelfReady writes as a blob or a webhook: camelCase, string enums.</summary>
public static class PipelineJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Serialises to UTF-8 bytes.</summary>
    public static byte[] Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Deserialises, failing with the blob's name on bad JSON.</summary>
    public static T Read<T>(byte[] json, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"{what} is empty (null).");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{what} is not valid JSON: {ex.Message}", ex);
        }
    }
}
