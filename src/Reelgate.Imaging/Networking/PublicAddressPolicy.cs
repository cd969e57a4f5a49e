using System.Net;
using System.Net.Sockets;

namespace Reelgate.Imaging.Networking;

/// <summary>
/// Decides which addresses the server may connect to on a caller's behalf (image URLs, later webhooks).
/// Everything that is not a globally routable unicast address is refused: loopback, RFC 1918, CGNAT,
/// link-local (cloud metadata), multicast, broadcast, documentation, benchmarking and reserved ranges,
/// IPv6 ULA, site-local and everything outside 2000::/3. IPv6 forms that carry an IPv4 address
/// (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4, Teredo) are judged by the IPv4 inside.
/// With <see cref="AllowsPrivateAddresses"/> (a developer's own machine) loopback, private and CGNAT
/// addresses pass; link-local, multicast and the rest stay refused.
/// </summary>
public sealed class PublicAddressPolicy
{
    private static readonly AddressRange[] V4Ranges =
    [
        AddressRange.Parse("255.255.255.255/32", AddressCategory.Broadcast),
        AddressRange.Parse("0.0.0.0/8", AddressCategory.Unspecified),
        AddressRange.Parse("10.0.0.0/8", AddressCategory.Private),
        AddressRange.Parse("100.64.0.0/10", AddressCategory.SharedAddressSpace),
        AddressRange.Parse("127.0.0.0/8", AddressCategory.Loopback),
        AddressRange.Parse("169.254.0.0/16", AddressCategory.LinkLocal),
        AddressRange.Parse("172.16.0.0/12", AddressCategory.Private),
        AddressRange.Parse("192.0.0.0/24", AddressCategory.Reserved),
        AddressRange.Parse("192.0.2.0/24", AddressCategory.Documentation),
        AddressRange.Parse("192.88.99.0/24", AddressCategory.Reserved),
        AddressRange.Parse("192.168.0.0/16", AddressCategory.Private),
        AddressRange.Parse("198.18.0.0/15", AddressCategory.Benchmarking),
        AddressRange.Parse("198.51.100.0/24", AddressCategory.Documentation),
        AddressRange.Parse("203.0.113.0/24", AddressCategory.Documentation),
        AddressRange.Parse("224.0.0.0/4", AddressCategory.Multicast),
        AddressRange.Parse("240.0.0.0/4", AddressCategory.Reserved),
    ];

    // Checked in order, after the forms that embed an IPv4 address; anything outside 2000::/3 is reserved.
    private static readonly AddressRange[] V6Ranges =
    [
        AddressRange.Parse("::/128", AddressCategory.Unspecified),
        AddressRange.Parse("::1/128", AddressCategory.Loopback),
        AddressRange.Parse("64:ff9b:1::/48", AddressCategory.Reserved),
        AddressRange.Parse("100::/64", AddressCategory.Reserved),
        AddressRange.Parse("2001:db8::/32", AddressCategory.Documentation),
        AddressRange.Parse("2001:2::/48", AddressCategory.Benchmarking),
        AddressRange.Parse("2001::/23", AddressCategory.Reserved),
        AddressRange.Parse("3fff::/20", AddressCategory.Documentation),
        AddressRange.Parse("5f00::/16", AddressCategory.Reserved),
        AddressRange.Parse("fc00::/7", AddressCategory.Private),
        AddressRange.Parse("fe80::/10", AddressCategory.LinkLocal),
        AddressRange.Parse("fec0::/10", AddressCategory.Reserved),
        AddressRange.Parse("ff00::/8", AddressCategory.Multicast),
    ];

    private static readonly AddressRange GlobalUnicastV6 = AddressRange.Parse("2000::/3", AddressCategory.Public);
    private static readonly AddressRange MappedV4 = AddressRange.Parse("::ffff:0:0/96", AddressCategory.Reserved);
    private static readonly AddressRange CompatibleV4 = AddressRange.Parse("::/96", AddressCategory.Reserved);
    private static readonly AddressRange Nat64 = AddressRange.Parse("64:ff9b::/96", AddressCategory.Reserved);
    private static readonly AddressRange SixToFour = AddressRange.Parse("2002::/16", AddressCategory.Reserved);
    private static readonly AddressRange Teredo = AddressRange.Parse("2001::/32", AddressCategory.Reserved);

    public PublicAddressPolicy(bool allowPrivateAddresses)
        : this(allowPrivateAddresses, [])
    {
    }

    /// <param name="allowPrivateAddresses">Loopback, private and CGNAT addresses pass for every host.</param>
    /// <param name="privateHosts">
    /// Hosts (names or address literals, as a URL spells them) whose loopback, private and CGNAT addresses pass: the
    /// operator's own, e.g. an on-premises provider. Every other host is still held to public addresses.
    /// </param>
    public PublicAddressPolicy(bool allowPrivateAddresses, IEnumerable<string> privateHosts)
    {
        ArgumentNullException.ThrowIfNull(privateHosts);
        AllowsPrivateAddresses = allowPrivateAddresses;
        PrivateHosts = privateHosts.Select(Normalize).Where(h => h.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True on a developer's machine: loopback, RFC 1918 and CGNAT addresses are let through.</summary>
    public bool AllowsPrivateAddresses { get; }

    /// <summary>The hosts the operator allowed to resolve to loopback, private and CGNAT addresses.</summary>
    public IReadOnlySet<string> PrivateHosts { get; }

    public bool IsAllowed(IPAddress address) => IsAllowed(Classify(address));

    public bool IsAllowed(AddressCategory category) => IsAllowed(category, privateAllowed: AllowsPrivateAddresses);

    /// <summary>Whether an address of this category may be connected to when reached through this host.</summary>
    public bool IsAllowed(AddressCategory category, string host) => IsAllowed(category, AllowsPrivateFor(host));

    /// <summary>Whether this host may resolve to loopback, private and CGNAT addresses.</summary>
    public bool AllowsPrivateFor(string host) => AllowsPrivateAddresses || PrivateHosts.Contains(Normalize(host));

    private static bool IsAllowed(AddressCategory category, bool privateAllowed) => category switch
    {
        AddressCategory.Public => true,
        AddressCategory.Loopback or AddressCategory.Private or AddressCategory.SharedAddressSpace => privateAllowed,
        _ => false,
    };

    private static string Normalize(string host)
    {
        var name = host.Trim();
        name = name.StartsWith('[') && name.EndsWith(']') ? name[1..^1] : name;
        return name.TrimEnd('.');
    }

    /// <summary>
    /// Refuses host names that mean this machine whatever DNS says (<c>localhost</c> and <c>*.localhost</c>,
    /// RFC 6761), unless private addresses are allowed. Addresses are still checked after resolving.
    /// </summary>
    public bool IsAllowedHostName(string host)
    {
        if (AllowsPrivateFor(host))
        {
            return true;
        }

        var name = host.TrimEnd('.');
        return !name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            && !name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    public static AddressCategory Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bits = AddressRange.ToBits(address);
        return address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4((uint)bits) : ClassifyV6(bits);
    }

    private static AddressCategory ClassifyV4(uint bits)
    {
        foreach (var range in V4Ranges)
        {
            if (range.Contains(bits, isV6: false))
            {
                return range.Category;
            }
        }

        return AddressCategory.Public;
    }

    private static AddressCategory ClassifyV6(UInt128 bits)
    {
        var low32 = (uint)(bits & uint.MaxValue);
        if (MappedV4.Contains(bits, isV6: true))
        {
            // ::ffff:a.b.c.d is the IPv4 host a.b.c.d on a dual-stack socket.
            return ClassifyV4(low32);
        }

        if (CompatibleV4.Contains(bits, isV6: true) && bits > 1)
        {
            // ::a.b.c.d is deprecated (RFC 4291) and not routable: refused, named after what it embeds.
            return Refused(ClassifyV4(low32));
        }

        if (Nat64.Contains(bits, isV6: true))
        {
            // A NAT64 gateway connects to the embedded IPv4 address for us.
            return ClassifyV4(low32);
        }

        if (SixToFour.Contains(bits, isV6: true))
        {
            return ClassifyV4((uint)(bits >> 80));
        }

        if (Teredo.Contains(bits, isV6: true))
        {
            // 2001:0:SSSS:SSSS:flags:port:CCCC:CCCC, the client address stored inverted (RFC 4380).
            var server = ClassifyV4((uint)(bits >> 64));
            var client = ClassifyV4(~low32);
            return server != AddressCategory.Public ? server : client;
        }

        foreach (var range in V6Ranges)
        {
            if (range.Contains(bits, isV6: true))
            {
                return range.Category;
            }
        }

        return GlobalUnicastV6.Contains(bits, isV6: true) ? AddressCategory.Public : AddressCategory.Reserved;
    }

    private static AddressCategory Refused(AddressCategory embedded) =>
        embedded == AddressCategory.Public ? AddressCategory.Reserved : embedded;
}
