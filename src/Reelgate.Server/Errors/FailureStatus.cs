using Reelgate.Core;

namespace Reelgate.Server.Errors;

/// <summary>The HTTP status and error type of each kind of failure, as the contract lists them.</summary>
public static class FailureStatus
{
    public static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.BadRequest => StatusCodes.Status400BadRequest,
        FailureKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        FailureKind.InsufficientCredits => StatusCodes.Status402PaymentRequired,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Gone => StatusCodes.Status410Gone,
        FailureKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        FailureKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        FailureKind.RateLimited => StatusCodes.Status429TooManyRequests,
        FailureKind.Upstream => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string TypeOf(int status) => status switch
    {
        401 => "authentication_error",
        402 => "insufficient_credits",
        403 => "permission_error",
        429 => "rate_limit_error",
        502 or 503 or 504 => "upstream_error",
        >= 500 => "server_error",
        _ => "invalid_request_error",
    };

    /// <summary>The code and message for a status the framework produced on its own (no route, wrong method...).</summary>
    public static (string Code, string Message) DescribeFrameworkStatus(int status, string method, string path) => status switch
    {
        400 => ("bad_request", "the request could not be read"),
        401 => ("missing_api_key", "send your API key as 'Authorization: Bearer <key>'"),
        403 => ("permission_denied", "this key may not do that"),
        404 => ("not_found", $"there is no route {method} {Failure.Printable(path)}"),
        405 => ("method_not_allowed", $"{method} is not allowed on {Failure.Printable(path)}"),
        406 => ("not_acceptable", "this route answers application/json"),
        408 => ("request_timeout", "the request took too long to arrive"),
        413 => ("payload_too_large", "the request body is too large"),
        415 => ("unsupported_media_type", "send the body as application/json"),
        429 => ("rate_limited", "too many requests; slow down"),
        431 => ("headers_too_large", "the request headers are too large"),
        _ => (status >= 500 ? "internal_error" : "bad_request", status >= 500 ? "the server failed; try again" : "the request was refused"),
    };
}
