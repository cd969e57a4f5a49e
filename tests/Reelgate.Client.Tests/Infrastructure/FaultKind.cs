namespace Reelgate.Client.Tests.Infrastructure;

/// <summary>What the proxy does to a request a fault rule matches.</summary>
public enum FaultKind
{
    /// <summary>Forwards the request (the server acts on it), then drops the connection before any answer.</summary>
    DropAnswer,

    /// <summary>Forwards the request, throws the server's answer away and answers 503 with Retry-After.</summary>
    ServiceUnavailableAfterForward,

    /// <summary>Forwards the request and its answer's head, then cuts the body off after some bytes.</summary>
    CutBody,

    /// <summary>Answers a status of its own without forwarding (a server or gateway without that route).</summary>
    Refuse,
}
