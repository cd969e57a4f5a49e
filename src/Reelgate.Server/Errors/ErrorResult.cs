using System.Globalization;
using Reelgate.Core;
using Reelgate.Server.Http;

namespace Reelgate.Server.Errors;

/// <summary>Writes a failure as the contract's envelope; the only way a handler answers with an error.</summary>
public sealed class ErrorResult(int status, ErrorDetail detail, TimeSpan? retryAfter = null) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => status;

    public string ContentType => "application/json";

    public ErrorDetail Detail => detail;

    public static ErrorResult From(Failure failure)
    {
        var status = FailureStatus.StatusOf(failure.Kind);
        return new ErrorResult(status, new ErrorDetail(FailureStatus.TypeOf(status), failure.Code, failure.Message, failure.Param), failure.RetryAfter);
    }

    public static ErrorResult Of(int status, string code, string message, string? param = null) =>
        new(status, new ErrorDetail(FailureStatus.TypeOf(status), code, message, param));

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, detail, retryAfter);

    public static async Task WriteAsync(HttpContext httpContext, int status, ErrorDetail detail, TimeSpan? retryAfter = null)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        await response.WriteAsJsonAsync(new ErrorBody(detail), ApiJson.Options, "application/json", httpContext.RequestAborted);
    }
}
