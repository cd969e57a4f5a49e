using System.Buffers.Binary;
using System.Text;

namespace Reelgate.Testing;

/// <summary>The top-level boxes of an MP4 file in order ("ftyp", "moov", "mdat", ...): +faststart puts moov before mdat.</summary>
public static class Mp4Atoms
{
    public static IReadOnlyList<string> TopLevel(string path)
    {
        var names = new List<string>();
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[16];
        long position = 0;
        while (position + 8 <= file.Length)
        {
            file.Position = position;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            names.Add(Encoding.ASCII.GetString(header.Slice(4, 4)));
            if (size == 1)
            {
                file.ReadExactly(header.Slice(8, 8));
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.Slice(8, 8));
            }
            else if (size == 0)
            {
                break;
            }

            position += size;
        }

        return names;
    }
}
