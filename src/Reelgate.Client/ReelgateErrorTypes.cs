namespace Reelgate.Client;

/// <summary>The <see cref="ReelgateException.Type"/> values: the contract's, plus the client's own for no answer.</summary>
public static class ReelgateErrorTypes
{
    public const string InvalidRequest = "invalid_request_error";
    public const string Authentication = "authentication_error";
    public const string Permission = "permission_error";
    public const string InsufficientCredits = "insufficient_credits";
    public const string RateLimit = "rate_limit_error";
    public const string Upstream = "upstream_error";
    public const string Server = "server_error";

    /// <summary>An answer that was not the contract's envelope (a proxy's page, say).</summary>
    public const string ApiError = "api_error";

    /// <summary>No answer: the connection failed or broke, after every retry.</summary>
    public const string ConnectionError = "connection_error";

    /// <summary>A request or a wait ran out of time.</summary>
    public const string Timeout = "timeout";
}
