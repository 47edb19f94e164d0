using System.Buffers.Binary;
using System.Text;

namespace Obs.Cli.Tests;

/// <summary>The two facts of an ELF64 executable the start-up settings decide: its type and its section names.</summary>
internal sealed record ElfImage(ushort Type, IReadOnlyList<string> Sections)
{
    /// <summary>ET_EXEC: linked at a fixed address, nothing to relocate at exec.</summary>
    public const ushort FixedAddressExecutable = 2;

    /// <summary>ET_DYN: position independent (a PIE or a shared library).</summary>
    public const ushort PositionIndependent = 3;

    public static ElfImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7F || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F' || bytes[4] != 2)
        {
            throw new InvalidDataException($"{path} is not an ELF64 file");
        }

        var span = bytes.AsSpan();
        var type = BinaryPrimitives.ReadUInt16LittleEndian(span[16..]);
        var sectionTable = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3E..]);
        var names = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[(sectionTable + (namesIndex * entrySize) + 0x18)..]);
        var sections = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var nameOffset = names + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(sectionTable + (i * entrySize))..]);
            var end = span[nameOffset..].IndexOf((byte)0);
            sections.Add(Encoding.ASCII.GetString(span.Slice(nameOffset, end)));
        }

        return new ElfImage(type, sections);
    }
}
