namespace ShelfReady.ModelBuilder.Onnx;

/// <summary>A node attribute (onnx.proto AttributeProto): exactly one of the value kinds is set.</summary>
internal sealed record OnnxAttribute
{
    // AttributeProto.AttributeType values from onnx.proto.
    private const int FloatType = 1;
    private const int IntType = 2;
    private const int StringType = 3;
    private const int FloatsType = 6;
    private const int IntsType = 7;

    private OnnxAttribute(string name, int type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; }

    private int Type { get; }

    private float FloatValue { get; init; }

    private long IntValue { get; init; }

    private string StringValue { get; init; } = "";

    private IReadOnlyList<float> Floats { get; init; } = [];

    private IReadOnlyList<long> Ints { get; init; } = [];

    public static OnnxAttribute Of(string name, float value) => new(name, FloatType) { FloatValue = value };

    public static OnnxAttribute Of(string name, long value) => new(name, IntType) { IntValue = value };

    public static OnnxAttribute Of(string name, string value) => new(name, StringType) { StringValue = value };

    public static OnnxAttribute Of(string name, params float[] values) => new(name, FloatsType) { Floats = values };

    public static OnnxAttribute Of(string name, params long[] values) => new(name, IntsType) { Ints = values };

    public ProtoWriter ToProto()
    {
        var proto = new ProtoWriter().String(1, Name);
        switch (Type)
        {
            case FloatType:
                proto.Float(2, FloatValue);
                break;
            case IntType:
                proto.Varint(3, IntValue);
                break;
            case StringType:
                proto.String(4, StringValue);
                break;
            case FloatsType:
                foreach (var value in Floats)
                {
                    proto.Float(7, value);
                }

                break;
            default:
                foreach (var value in Ints)
                {
                    proto.Varint(8, value);
                }

                break;
        }

        return proto.Varint(20, Type);
    }
}
