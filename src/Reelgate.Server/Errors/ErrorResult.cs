using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Reelgate.Core;
using Reelgate.Server.Http;

namespace Reelgate.Server.Errors;

/// <summary>
/// Writes a failure as the contract's envelope; the only way a handler answers with an error. In a handler's typed
/// union (<c>Results&lt;Ok&lt;T&gt;, ErrorResult&gt;</c>) it describes the envelope to OpenAPI under each status of the
/// handler's <see cref="ProducesErrorsAttribute"/>.
/// </summary>
public sealed class ErrorResult(int status, ErrorDetail detail, TimeSpan? retryAfter = null)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => status;

    public string ContentType => "application/json";

    public ErrorDetail Detail => detail;

    public static ErrorResult From(Failure failure)
    {
        var status = FailureStatus.StatusOf(failure.Kind);
        return new ErrorResult(
            status, new ErrorDetail(FailureStatus.TypeOf(status), failure.Code, failure.Message, failure.Param), failure.RetryAfter);
    }

    public static ErrorResult Of(int status, string code, string message, string? param = null) =>
        new(status, new ErrorDetail(FailureStatus.TypeOf(status), code, message, param));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(builder);
        var declared = method.GetCustomAttribute<ProducesErrorsAttribute>()
            ?? throw new InvalidOperationException(
                $"{method.DeclaringType?.Name}.{method.Name} may answer an ErrorResult: list its statuses with [ProducesErrors(...)]");
        foreach (var error in declared.Statuses)
        {
            builder.Metadata.Add(new ProducesResponseTypeMetadata(error, typeof(ErrorBody), ["application/json"]));
        }
    }

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
