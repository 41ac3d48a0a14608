using SdkDataConverter = Microsoft.DurableTask.DataConverter;

namespace ShelfReady.Durable.AzureStorage;

/// <summary>
/// DurableTask.Core's converter speaking the portable SDK's JSON, so what the client writes (inputs, events) is
/// what the shimmed workflows read, and what they write (outputs, custom status) reads back the same way.
/// </summary>
/// <param name="sdk">The SDK converter the worker uses.</param>
internal sealed class CoreDataConverter(SdkDataConverter sdk) : DurableTask.Core.Serializing.DataConverter
{
    public override string Serialize(object value) => sdk.Serialize(value) ?? "null";

    public override string Serialize(object value, bool formatted) => Serialize(value);

    public override object Deserialize(string data, Type objectType) => sdk.Deserialize(data, objectType)!;
}
