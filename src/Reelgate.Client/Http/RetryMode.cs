namespace Reelgate.Client.Http;

/// <summary>Which failures a request may be sent again after.</summary>
internal enum RetryMode
{
    /// <summary>Reads, and writes made safe by an Idempotency-Key: 429, 502, 503, 504 and network faults.</summary>
    Safe,

    /// <summary>A write the server could apply twice: only 429, which the server answers before doing anything.</summary>
    RefusedOnly,
}
