using System.Buffers.Binary;

namespace ShelfReady.ModelBuilder.Onnx;

/// <summary>
/// Builds an ONNX model (onnx.proto ModelProto) from float inputs, outputs, initializers and nodes, and serialises
/// it with <see cref="ProtoWriter"/>. Field numbers follow onnx/onnx.proto (ModelProto ir_version=1,
/// producer_name=2, graph=7, opset_import=8; GraphProto node=1, name=2, initializer=5, input=11, output=12; …).
/// </summary>
internal sealed class OnnxGraph(string name)
{
    /// <summary>IR version 8 (ONNX 1.10+); ONNX Runtime 1.31 reads it.</summary>
    public const long IrVersion = 8;

    /// <summary>Default-domain opset the models are written against.</summary>
    public const long Opset = 17;

    private const int FloatElement = 1;
    private const int Int64Element = 7;

    private readonly List<ProtoWriter> nodes = [];
    private readonly List<ProtoWriter> initializers = [];
    private readonly List<ProtoWriter> inputs = [];
    private readonly List<ProtoWriter> outputs = [];

    /// <summary>Declares a float graph input; a dimension is a <see cref="long"/> size or a <see cref="string"/> symbol.</summary>
    public OnnxGraph Input(string valueName, params object[] dims)
    {
        inputs.Add(ValueInfo(valueName, dims));
        return this;
    }

    /// <summary>Declares a float graph output.</summary>
    public OnnxGraph Output(string valueName, params object[] dims)
    {
        outputs.Add(ValueInfo(valueName, dims));
        return this;
    }

    /// <summary>Adds a float constant stored little-endian in raw_data.</summary>
    public OnnxGraph Initializer(string valueName, long[] dims, float[] values)
    {
        if (values.Length != dims.Aggregate(1L, (a, b) => a * b))
        {
            throw new ArgumentException($"Initializer {valueName}: {values.Length} values do not fill [{string.Join(",", dims)}].");
        }

        var raw = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), values[i]);
        }

        initializers.Add(Tensor(valueName, dims, FloatElement, raw));
        return this;
    }

    /// <summary>Adds an int64 constant (e.g. a Reshape shape).</summary>
    public OnnxGraph Initializer(string valueName, long[] dims, long[] values)
    {
        var raw = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        }

        initializers.Add(Tensor(valueName, dims, Int64Element, raw));
        return this;
    }

    /// <summary>Adds a node of the default domain; nodes must be added in topological order.</summary>
    public OnnxGraph Node(string opType, string[] nodeInputs, string[] nodeOutputs, params OnnxAttribute[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var input in nodeInputs)
        {
            node.String(1, input);
        }

        foreach (var output in nodeOutputs)
        {
            node.String(2, output);
        }

        node.String(3, $"{opType}_{nodes.Count}").String(4, opType);
        foreach (var attribute in attributes)
        {
            node.Message(5, attribute.ToProto());
        }

        nodes.Add(node);
        return this;
    }

    /// <summary>Serialises the model.</summary>
    public byte[] ToBytes()
    {
        var graph = new ProtoWriter();
        foreach (var node in nodes)
        {
            graph.Message(1, node);
        }

        graph.String(2, name);
        foreach (var initializer in initializers)
        {
            graph.Message(5, initializer);
        }

        foreach (var input in inputs)
        {
            graph.Message(11, input);
        }

        foreach (var output in outputs)
        {
            graph.Message(12, output);
        }

        return new ProtoWriter()
            .Varint(1, IrVersion)
            .String(2, "ShelfReady.ModelBuilder")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Varint(2, Opset))
            .ToArray();
    }

    private static ProtoWriter Tensor(string valueName, long[] dims, int elementType, byte[] raw)
    {
        var tensor = new ProtoWriter();
        foreach (var dim in dims)
        {
            tensor.Varint(1, dim);
        }

        return tensor.Varint(2, elementType).String(8, valueName).Bytes(9, raw);
    }

    private static ProtoWriter ValueInfo(string valueName, object[] dims)
    {
        var shape = new ProtoWriter();
        foreach (var dim in dims)
        {
            var dimension = dim switch
            {
                long size => new ProtoWriter().Varint(1, size),
                int size => new ProtoWriter().Varint(1, size),
                string symbol => new ProtoWriter().String(2, symbol),
                _ => throw new ArgumentException($"Dimension {dim} of {valueName} is neither a size nor a symbol."),
            };
            shape.Message(1, dimension);
        }

        var tensorType = new ProtoWriter().Varint(1, FloatElement).Message(2, shape);
        var type = new ProtoWriter().Message(1, tensorType);
        return new ProtoWriter().String(1, valueName).Message(2, type);
    }
}
