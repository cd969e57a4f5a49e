using System.Buffers.Binary;
using System.Text;
using Reelgate.Core.Engines;

namespace Reelgate.Imaging.Media;

/// <summary>
/// Reads an MP4's index (the moov box) in process: sizes, durations, sample counts and codecs of its first video and
/// audio tracks, as ffprobe would report them. Only the common case is answered (H.264 video, optionally AAC audio,
/// one moov, no fragments); for anything else <see cref="Read"/> returns null and the caller asks ffprobe. Starting
/// ffprobe costs 0.2 CPU-s (0.4 to 0.7 s of a job's wall time on a busy two-core machine); this costs a millisecond.
/// The index is checked against the file: a truncated file or one whose samples do not fit in it is not answered.
/// </summary>
public static class Mp4Header
{
    /// <summary>ffprobe's name for the mov/MP4 demuxer.</summary>
    public const string FormatName = "mov,mp4,m4a,3gp,3g2,mj2";

    private const int MaxIndexBytes = 16 << 20;

    public static MediaInfo? Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        var length = file.Length;
        var moov = FindTopLevel(file, length, "moov", out var mdatBytes);
        if (moov is null || mdatBytes == 0)
        {
            return null;
        }

        var box = new Box(moov);
        if (box.Child("mvhd") is not { } mvhd || box.Child("mvex") is not null)
        {
            return null;
        }

        var (movieScale, movieDuration) = ScaleAndDuration(mvhd, 12);
        Track? video = null;
        Track? audio = null;
        foreach (var trak in box.Children("trak"))
        {
            if (Track.Read(new Box(trak)) is not { } track)
            {
                return null;
            }

            if (track.Handler == "vide")
            {
                video ??= track;
            }
            else if (track.Handler == "soun")
            {
                audio ??= track;
            }
        }

        if (video is not { Codec: "h264", Width: > 0, Height: > 0, Samples: > 0, Seconds: > 0 } || movieScale == 0)
        {
            return null;
        }

        if ((audio is not null && audio.Codec != "aac") || video.SampleBytes + (audio?.SampleBytes ?? 0) > mdatBytes)
        {
            return null;
        }

        return new MediaInfo(
            FormatName, video.Width, video.Height, (double)movieDuration / movieScale, video.Samples / video.Seconds, video.Samples,
            video.Codec, video.PixelFormat, audio?.Codec, audio?.SampleRate, audio?.Channels, length);
    }

    /// <summary>The top-level box <paramref name="type"/>'s content, reading nothing else; the bytes of the mdat boxes passed.</summary>
    private static byte[]? FindTopLevel(FileStream file, long length, string type, out long mdatBytes)
    {
        mdatBytes = 0;
        byte[]? found = null;
        Span<byte> header = stackalloc byte[16];
        long position = 0;
        while (position + 8 <= length)
        {
            file.Position = position;
            file.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var name = Encoding.ASCII.GetString(header.Slice(4, 4));
            var headerSize = 8;
            if (size == 1)
            {
                file.ReadExactly(header.Slice(8, 8));
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
                headerSize = 16;
            }
            else if (size == 0)
            {
                size = length - position;
            }

            if (size < headerSize || position + size > length)
            {
                return null;
            }

            if (name == "mdat")
            {
                mdatBytes += size - headerSize;
            }
            else if (name == type)
            {
                if (found is not null || size - headerSize > MaxIndexBytes)
                {
                    return null;
                }

                found = new byte[size - headerSize];
                file.ReadExactly(found);
            }

            position += size;
        }

        return position == length ? found : null;
    }

    /// <summary>Timescale and duration of an mvhd or mdhd box (version 0 or 1); in version 0 the timescale is
    /// <paramref name="v0Offset"/> in.</summary>
    private static (long Scale, long Duration) ScaleAndDuration(ReadOnlyMemory<byte> content, int v0Offset)
    {
        var span = content.Span;
        return span[0] == 1
            ? (BinaryPrimitives.ReadUInt32BigEndian(span[20..]), (long)BinaryPrimitives.ReadUInt64BigEndian(span[24..]))
            : (BinaryPrimitives.ReadUInt32BigEndian(span[v0Offset..]), BinaryPrimitives.ReadUInt32BigEndian(span[(v0Offset + 4)..]));
    }

    /// <summary>One track's handler, codec, size or sound, sample count and bytes, and length in seconds.</summary>
    private sealed record Track(
        string Handler, string? Codec, string? PixelFormat, int Width, int Height, int? SampleRate, int? Channels, long Samples,
        long SampleBytes, double Seconds)
    {
        public static Track? Read(Box trak)
        {
            var mdia = trak.Child("mdia") is { } m ? new Box(m) : null;
            var stbl = mdia?.Child("minf") is { } minf && new Box(minf).Child("stbl") is { } s ? new Box(s) : null;
            if (mdia?.Child("mdhd") is not { } mdhd || mdia.Child("hdlr") is not { Length: >= 12 } hdlr || stbl is null
                || stbl.Child("stsd") is not { Length: >= 16 } stsd || stbl.Child("stsz") is not { Length: >= 12 } stsz)
            {
                return null;
            }

            var handler = Encoding.ASCII.GetString(hdlr.Span.Slice(8, 4));
            var (scale, duration) = ScaleAndDuration(mdhd, 12);
            var (samples, bytes) = SampleSizes(stsz.Span);
            var entry = stsd.Span[8..];
            var entrySize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(entry), (uint)entry.Length);
            var format = Encoding.ASCII.GetString(entry.Slice(4, 4));
            var seconds = scale > 0 ? (double)duration / scale : 0;
            if (samples < 0 || entrySize < 36)
            {
                return null;
            }

            return handler switch
            {
                "vide" when format == "avc1" && entrySize >= 86 => new Track(
                    handler, "h264", AvcPixelFormat(new Box(stsd[8..][86..entrySize]).Child("avcC")),
                    BinaryPrimitives.ReadUInt16BigEndian(entry[32..]), BinaryPrimitives.ReadUInt16BigEndian(entry[34..]),
                    null, null, samples, bytes, seconds),
                "vide" => new Track(handler, format, null, 0, 0, null, null, samples, bytes, seconds),
                "soun" when format == "mp4a" => new Track(
                    handler, "aac", null, 0, 0, (int)(BinaryPrimitives.ReadUInt32BigEndian(entry[32..]) >> 16),
                    BinaryPrimitives.ReadUInt16BigEndian(entry[24..]), samples, bytes, seconds),
                "soun" => new Track(handler, format, null, 0, 0, null, null, samples, bytes, seconds),
                _ => new Track(handler, null, null, 0, 0, null, null, samples, bytes, seconds),
            };
        }

        /// <summary>stsz: the sample count and their bytes in all (-1 when the table is cut short).</summary>
        private static (long Samples, long Bytes) SampleSizes(ReadOnlySpan<byte> stsz)
        {
            var fixedSize = BinaryPrimitives.ReadUInt32BigEndian(stsz[4..]);
            long count = BinaryPrimitives.ReadUInt32BigEndian(stsz[8..]);
            if (fixedSize != 0)
            {
                return (count, count * fixedSize);
            }

            if (stsz.Length < 12 + (count * 4))
            {
                return (-1, 0);
            }

            long bytes = 0;
            for (var i = 0; i < count; i++)
            {
                bytes += BinaryPrimitives.ReadUInt32BigEndian(stsz[(12 + (i * 4))..]);
            }

            return (count, bytes);
        }

        /// <summary>
        /// "yuv420p" when the avcC's first sequence parameter set says 8-bit 4:2:0 (implied by the Baseline, Main and Extended
        /// profiles; read from the SPS for the High ones); null when it says otherwise or cannot be read.
        /// </summary>
        private static string? AvcPixelFormat(ReadOnlyMemory<byte>? avcC)
        {
            if (avcC is not { Length: >= 9 } config || (config.Span[5] & 0x1F) == 0)
            {
                return null;
            }

            var span = config.Span;
            var spsLength = BinaryPrimitives.ReadUInt16BigEndian(span[6..]);
            if (span.Length < 8 + spsLength || spsLength < 4)
            {
                return null;
            }

            var sps = span.Slice(8, spsLength);
            var profile = sps[1];
            if (profile is 66 or 77 or 88)
            {
                return "yuv420p";
            }

            var bits = new ExpGolomb(sps[4..]);
            bits.ReadUnsigned(); // seq_parameter_set_id
            var chroma = bits.ReadUnsigned();
            if (chroma == 3)
            {
                bits.ReadBit(); // separate_colour_plane_flag
            }

            var lumaDepth = bits.ReadUnsigned() + 8;
            var chromaDepth = bits.ReadUnsigned() + 8;
            return chroma == 1 && lumaDepth == 8 && chromaDepth == 8 && !bits.Overrun ? "yuv420p" : null;
        }
    }

    /// <summary>A box's content and the boxes within it.</summary>
    private sealed class Box(ReadOnlyMemory<byte> content)
    {
        public ReadOnlyMemory<byte>? Child(string type) => Children(type).Cast<ReadOnlyMemory<byte>?>().FirstOrDefault();

        public IEnumerable<ReadOnlyMemory<byte>> Children(string type)
        {
            var position = 0;
            while (position + 8 <= content.Length)
            {
                var size = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(content.Span[position..]), int.MaxValue);
                if (size < 8 || position + size > content.Length)
                {
                    yield break;
                }

                if (Encoding.ASCII.GetString(content.Span.Slice(position + 4, 4)) == type)
                {
                    yield return content.Slice(position + 8, size - 8);
                }

                position += size;
            }
        }
    }

    /// <summary>The Exp-Golomb codes at the start of an SPS (emulation prevention bytes removed).</summary>
    private ref struct ExpGolomb(ReadOnlySpan<byte> escaped)
    {
        private readonly byte[] _bytes = Unescape(escaped);
        private int _bit;

        public bool Overrun { get; private set; }

        public int ReadBit()
        {
            if (_bit >= _bytes.Length * 8)
            {
                Overrun = true;
                return 0;
            }

            var value = (_bytes[_bit / 8] >> (7 - (_bit % 8))) & 1;
            _bit++;
            return value;
        }

        public int ReadUnsigned()
        {
            var zeros = 0;
            while (ReadBit() == 0 && !Overrun && zeros < 31)
            {
                zeros++;
            }

            var value = 0;
            for (var i = 0; i < zeros; i++)
            {
                value = (value << 1) | ReadBit();
            }

            return (1 << zeros) - 1 + value;
        }

        private static byte[] Unescape(ReadOnlySpan<byte> escaped)
        {
            var bytes = new List<byte>(escaped.Length);
            for (var i = 0; i < escaped.Length; i++)
            {
                if (i >= 2 && escaped[i] == 3 && escaped[i - 1] == 0 && escaped[i - 2] == 0)
                {
                    continue;
                }

                bytes.Add(escaped[i]);
            }

            return [.. bytes];
        }
    }
}
