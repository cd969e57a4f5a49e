using System.Net;
using Reelgate.Imaging.Networking;

namespace Reelgate.Imaging.Tests;

public sealed class PublicAddressPolicyTests
{
    public static TheoryData<string, AddressCategory> Addresses() => new()
    {
        { "11.22.33.44", AddressCategory.Public },
        { "100.63.255.255", AddressCategory.Public },
        { "100.128.0.0", AddressCategory.Public },
        { "172.15.255.255", AddressCategory.Public },
        { "172.32.0.0", AddressCategory.Public },
        { "192.167.255.255", AddressCategory.Public },
        { "223.255.255.255", AddressCategory.Public },
        { "0.0.0.0", AddressCategory.Unspecified },
        { "0.255.255.255", AddressCategory.Unspecified },
        { "127.0.0.1", AddressCategory.Loopback },
        { "127.255.255.254", AddressCategory.Loopback },
        { "10.0.0.0", AddressCategory.Private },
        { "172.16.0.0", AddressCategory.Private },
        { "172.31.255.255", AddressCategory.Private },
        { "192.168.1.1", AddressCategory.Private },
        { "100.64.0.0", AddressCategory.SharedAddressSpace },
        { "100.127.255.255", AddressCategory.SharedAddressSpace },
        { "169.254.169.254", AddressCategory.LinkLocal },
        { "224.0.0.251", AddressCategory.Multicast },
        { "239.255.255.255", AddressCategory.Multicast },
        { "255.255.255.255", AddressCategory.Broadcast },
        { "240.0.0.0", AddressCategory.Reserved },
        { "255.255.255.254", AddressCategory.Reserved },
        { "192.0.0.170", AddressCategory.Reserved },
        { "192.88.99.1", AddressCategory.Reserved },
        { "192.0.2.255", AddressCategory.Documentation },
        { "198.51.100.1", AddressCategory.Documentation },
        { "203.0.113.1", AddressCategory.Documentation },
        { "198.19.255.255", AddressCategory.Benchmarking },
        { "2003::1", AddressCategory.Public },
        { "2a00::1", AddressCategory.Public },
        { "::", AddressCategory.Unspecified },
        { "::1", AddressCategory.Loopback },
        { "::ffff:127.0.0.1", AddressCategory.Loopback },
        { "::ffff:10.1.2.3", AddressCategory.Private },
        { "::ffff:169.254.169.254", AddressCategory.LinkLocal },
        { "::ffff:11.22.33.44", AddressCategory.Public },
        { "::127.0.0.1", AddressCategory.Loopback },
        { "::11.22.33.44", AddressCategory.Reserved },
        { "64:ff9b::11.22.33.44", AddressCategory.Public },
        { "64:ff9b::10.0.0.1", AddressCategory.Private },
        { "64:ff9b::169.254.169.254", AddressCategory.LinkLocal },
        { "64:ff9b:1::1", AddressCategory.Reserved },
        { "2002:0b16:212c::1", AddressCategory.Public },
        { "2002:7f00:0001::1", AddressCategory.Loopback },
        { "2002:c0a8:0101::1", AddressCategory.Private },
        { "2001:0:0b16:212c::f4e9:ded3", AddressCategory.Public },
        { "2001:0:0b16:212c::f5ff:fffe", AddressCategory.Private },
        { "2001:0:7f00:1::f4e9:ded3", AddressCategory.Loopback },
        { "2001:db8::1", AddressCategory.Documentation },
        { "3fff:fff::1", AddressCategory.Documentation },
        { "2001:2::1", AddressCategory.Benchmarking },
        { "2001:10::1", AddressCategory.Reserved },
        { "100::1", AddressCategory.Reserved },
        { "5f00::1", AddressCategory.Reserved },
        { "fc00::1", AddressCategory.Private },
        { "fdff:ffff::1", AddressCategory.Private },
        { "fe80::1", AddressCategory.LinkLocal },
        { "febf::1", AddressCategory.LinkLocal },
        { "fec0::1", AddressCategory.Reserved },
        { "ff02::1", AddressCategory.Multicast },
        { "4000::1", AddressCategory.Reserved },
        { "::ffff:0:7f00:1", AddressCategory.Reserved },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Classify_names_the_range_when_given_an_address(string address, AddressCategory expected)
    {
        PublicAddressPolicy.Classify(IPAddress.Parse(address)).ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public void IsAllowed_passes_only_public_addresses_when_private_urls_are_off(string address, AddressCategory expected)
    {
        new PublicAddressPolicy(allowPrivateAddresses: false).IsAllowed(IPAddress.Parse(address))
            .ShouldBe(expected == AddressCategory.Public);
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public void IsAllowed_adds_loopback_private_and_cgnat_only_when_private_urls_are_on(string address, AddressCategory expected)
    {
        new PublicAddressPolicy(allowPrivateAddresses: true).IsAllowed(IPAddress.Parse(address))
            .ShouldBe(
                expected is AddressCategory.Public or AddressCategory.Loopback or AddressCategory.Private
                    or AddressCategory.SharedAddressSpace);
    }

    [Theory]
    [InlineData("localhost", false)]
    [InlineData("LocalHost.", false)]
    [InlineData("api.localhost", false)]
    [InlineData("localhost.example.test", true)]
    [InlineData("notlocalhost", true)]
    [InlineData("cdn.example.test", true)]
    public void IsAllowedHostName_refuses_localhost_names_when_private_urls_are_off(string host, bool allowed)
    {
        new PublicAddressPolicy(allowPrivateAddresses: false).IsAllowedHostName(host).ShouldBe(allowed);
        new PublicAddressPolicy(allowPrivateAddresses: true).IsAllowedHostName(host).ShouldBeTrue();
    }

    [Fact]
    public void RefusedAddressException_says_what_the_address_is_when_a_name_resolves_to_it()
    {
        new RefusedAddressException("db.example.test", IPAddress.Parse("10.0.0.5"), AddressCategory.Private).Message
            .ShouldBe("db.example.test resolves to 10.0.0.5, a private address; only public addresses are fetched");
        new RefusedAddressException("169.254.169.254", IPAddress.Parse("169.254.169.254"), AddressCategory.LinkLocal).Message
            .ShouldBe("169.254.169.254 is a link-local address; only public addresses are fetched");
    }
}
