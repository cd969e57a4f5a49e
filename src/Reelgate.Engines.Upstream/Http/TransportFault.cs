namespace Reelgate.Engines.Upstream.Http;

/// <summary>Why a call got no HTTP answer.</summary>
public enum TransportFault
{
    /// <summary>An answer came.</summary>
    None,

    /// <summary>No connection was made (refused, unreachable, DNS): the provider surely did not see the request.</summary>
    Connect,

    /// <summary>The call timed out or the connection broke after sending: the provider may have seen it.</summary>
    Timeout,

    /// <summary>Too many recent failures: the circuit breaker refused to call at all.</summary>
    CircuitOpen,
}
