using System.Net;

namespace Reelgate.Imaging.Networking;

/// <summary>
/// Thrown from the guarded connect step when a host or one of its addresses may not be connected to.
/// It reaches callers as the inner exception of an <see cref="HttpRequestException"/>.
/// </summary>
public sealed class RefusedAddressException : Exception
{
    public RefusedAddressException()
        : this("the address is not allowed")
    {
    }

    public RefusedAddressException(string message)
        : base(message)
    {
    }

    public RefusedAddressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RefusedAddressException(string host, IPAddress? address, AddressCategory category)
        : base(Describe(host, address, category))
    {
        Host = host;
        Address = address;
        Category = category;
    }

    public string? Host { get; }

    public IPAddress? Address { get; }

    public AddressCategory Category { get; }

    private static string Describe(string host, IPAddress? address, AddressCategory category)
    {
        var what = category switch
        {
            AddressCategory.Unspecified => "an unspecified (this-host) address",
            AddressCategory.Loopback => "a loopback address",
            AddressCategory.Private => "a private address",
            AddressCategory.SharedAddressSpace => "a carrier-grade NAT address",
            AddressCategory.LinkLocal => "a link-local address",
            AddressCategory.Multicast => "a multicast address",
            AddressCategory.Broadcast => "a broadcast address",
            AddressCategory.Documentation => "a documentation address",
            AddressCategory.Benchmarking => "a benchmarking address",
            _ => "a reserved address",
        };
        return address is null || host == address.ToString()
            ? $"{host} is {what}; only public addresses are fetched"
            : $"{host} resolves to {address}, {what}; only public addresses are fetched";
    }
}
