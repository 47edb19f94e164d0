using System.Buffers.Binary;
using System.Text;

namespace Obs.Telemetry.Spool;

/// <summary>The few protobuf wire-format writes OTLP needs: varints, fixed64, length-delimited fields and nested messages.</summary>
internal sealed class ProtobufWriter
{
    private const int WireVarint = 0;
    private const int WireFixed64 = 1;
    private const int WireLengthDelimited = 2;

    private readonly MemoryStream _stream = new();

    public byte[] ToArray() => _stream.ToArray();

    public void Varint(int field, ulong value)
    {
        Tag(field, WireVarint);
        Raw(value);
    }

    public void Fixed64(int field, ulong value)
    {
        Tag(field, WireFixed64);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        _stream.Write(bytes);
    }

    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, WireLengthDelimited);
        Raw((ulong)value.Length);
        _stream.Write(value);
    }

    public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>Writes the message <paramref name="body"/> builds as field <paramref name="field"/>.</summary>
    public void Message(int field, Action<ProtobufWriter> body)
    {
        var nested = new ProtobufWriter();
        body(nested);
        Bytes(field, nested._stream.GetBuffer().AsSpan(0, (int)nested._stream.Length));
    }

    private void Tag(int field, int wireType) => Raw(((ulong)field << 3) | (uint)wireType);

    private void Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _stream.WriteByte((byte)value);
    }
}
