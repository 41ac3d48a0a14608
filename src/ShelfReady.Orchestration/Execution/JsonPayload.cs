using System.Text.Json;

namespace ShelfReady.Orchestration.Execution;

/// <summary>Inputs, outputs and payloads travel as JSON text so history stays readable and engine-neutral.</summary>
internal static class JsonPayload
{
    public static string? Serialize(object? value, JsonSerializerOptions options) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), options);

    public static T Deserialize<T>(string? json, JsonSerializerOptions options) =>
        json is null ? default! : JsonSerializer.Deserialize<T>(json, options)!;

    public static object? Deserialize(string? json, Type type, JsonSerializerOptions options) =>
        json is null ? null : JsonSerializer.Deserialize(json, type, options);
}
