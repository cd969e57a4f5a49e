using Microsoft.AspNetCore.Diagnostics;

namespace Reelgate.Server.Errors;

/// <summary>
/// The last line: an exception that escaped a handler becomes the envelope. A bad request the framework
/// detected (a body over Kestrel's limit, a malformed form) keeps its 4xx; anything else is a 500 with no
/// details beyond a request id, and is logged.
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        if (exception is BadHttpRequestException bad)
        {
            var (code, message) = FailureStatus.DescribeFrameworkStatus(
                bad.StatusCode, httpContext.Request.Method, httpContext.Request.Path);
            await ErrorResult.Of(bad.StatusCode, code, message).ExecuteAsync(httpContext);
            return true;
        }

        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, httpContext.TraceIdentifier);
        await ErrorResult.Of(StatusCodes.Status500InternalServerError, "internal_error",
            $"the server failed on this request; it was logged as {httpContext.TraceIdentifier}").ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(EventId = 5000, Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path} (request {RequestId})")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string requestId);
}
