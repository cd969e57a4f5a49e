namespace Reelgate.Imaging.Networking;

/// <summary>What an IP address is, for deciding whether a server may connect to it on a stranger's behalf.</summary>
public enum AddressCategory
{
    /// <summary>A globally routable unicast address.</summary>
    Public,

    /// <summary>0.0.0.0/8 and ::: "this host on this network"; connecting to it reaches the local machine.</summary>
    Unspecified,

    /// <summary>127.0.0.0/8 and ::1.</summary>
    Loopback,

    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16) and IPv6 unique local addresses (fc00::/7).</summary>
    Private,

    /// <summary>100.64.0.0/10, carrier-grade NAT (RFC 6598).</summary>
    SharedAddressSpace,

    /// <summary>169.254.0.0/16 (cloud metadata lives at 169.254.169.254) and fe80::/10.</summary>
    LinkLocal,

    /// <summary>224.0.0.0/4 and ff00::/8.</summary>
    Multicast,

    /// <summary>255.255.255.255.</summary>
    Broadcast,

    /// <summary>192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20.</summary>
    Documentation,

    /// <summary>198.18.0.0/15 and 2001:2::/48.</summary>
    Benchmarking,

    /// <summary>Reserved, deprecated or protocol-specific ranges that no public web server uses.</summary>
    Reserved,
}
