using System.Net;

namespace Reelgate.Client;

/// <summary>
/// The one exception the client throws for anything the API (or the way to it) refused: the status and the
/// error envelope's type, code, param and message, and <see cref="RetryAfter"/> when the server asked to wait.
/// Network faults and timeouts that outlast the retries come as the same type with a null <see cref="Status"/>
/// and <see cref="Type"/> <c>connection_error</c> or <c>timeout</c>.
/// </summary>
public sealed class ReelgateException : Exception
{
    public ReelgateException()
        : this(null, ReelgateErrorTypes.ApiError, "unknown", "the Reelgate API call failed")
    {
    }

    public ReelgateException(string message)
        : this(null, ReelgateErrorTypes.ApiError, "unknown", message)
    {
    }

    public ReelgateException(string message, Exception innerException)
        : this(null, ReelgateErrorTypes.ConnectionError, "network_error", message, innerException: innerException)
    {
    }

    public ReelgateException(
        HttpStatusCode? status, string type, string code, string message, string? param = null, TimeSpan? retryAfter = null,
            Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Type = type;
        Code = code;
        Param = param;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status, or null when no answer came (network fault, timeout).</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The envelope's type: invalid_request_error, authentication_error, permission_error, insufficient_credits, rate_limit_error,
    /// upstream_error, server_error; or connection_error, timeout.</summary>
    public string Type { get; }

    /// <summary>The envelope's machine-readable code, e.g. <c>job_not_found</c>, <c>invalid_value</c>.</summary>
    public string Code { get; }

    /// <summary>The request field the error is about, or null.</summary>
    public string? Param { get; }

    /// <summary>How long the server asked the caller to wait (429, 503), or null.</summary>
    public TimeSpan? RetryAfter { get; }

    public override string ToString() =>
        $"{nameof(ReelgateException)}: " +
        $"{(Status is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " : string.Empty)}" +
        $"{Type}/{Code}{(Param is null ? string.Empty : $" (param {Param})")}: {Message}";
}
