using System.Net;

namespace Reelgate.Engines.Upstream.Http;

/// <summary>A provider's answer read in full (JSON bodies are small), or the transport fault that stopped it.</summary>
public sealed record ProviderResponse(
    int Status, string Body, TimeSpan? RetryAfter, TransportFault Fault = TransportFault.None, string? FaultMessage = null)
{
    /// <summary>What was sent, for the operator's log: the method, host and path (never the query or a header).</summary>
    public string? RequestLine { get; init; }

    public bool IsSuccess => Fault == TransportFault.None && Status is >= 200 and < 300;

    public bool IsTransportFailure => Fault != TransportFault.None;

    public bool Is(HttpStatusCode status) => Fault == TransportFault.None && Status == (int)status;

    public static ProviderResponse Failed(TransportFault fault, string message) => new(0, "", null, fault, message);
}
