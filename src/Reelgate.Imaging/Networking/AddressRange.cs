using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Reelgate.Imaging.Networking;

/// <summary>A CIDR block (IPv4 or IPv6) and the category of the addresses in it.</summary>
internal readonly record struct AddressRange(UInt128 Network, int PrefixLength, bool IsV6, AddressCategory Category)
{
    public static AddressRange Parse(string cidr, AddressCategory category)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(cidr.AsSpan(0, slash));
        var prefix = int.Parse(cidr.AsSpan(slash + 1), System.Globalization.CultureInfo.InvariantCulture);
        var isV6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        return new AddressRange(ToBits(address), prefix, isV6, category);
    }

    public bool Contains(UInt128 bits, bool isV6)
    {
        if (isV6 != IsV6)
        {
            return false;
        }

        var width = IsV6 ? 128 : 32;
        if (PrefixLength == 0)
        {
            return true;
        }

        var shift = width - PrefixLength;
        return bits >> shift == Network >> shift;
    }

    /// <summary>The address as an unsigned number: 32 bits for IPv4, 128 for IPv6.</summary>
    public static UInt128 ToBits(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4
            ? BinaryPrimitives.ReadUInt32BigEndian(bytes)
            : BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}
