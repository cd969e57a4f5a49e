namespace Reelgate.Server.Operations;

/// <summary>
/// Gives every answer an X-Request-Id: the caller's, when it sent a sane one, else the request's trace
/// identifier. The same id is in the logs' scope, so an answer can be matched to its log lines.
/// </summary>
public sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[Header].ToString();
        if (given.Length is > 0 and <= MaxLength && given.All(c => c is > ' ' and < (char)127))
        {
            context.TraceIdentifier = given;
        }

        context.Response.Headers[Header] = context.TraceIdentifier;
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier }))
        {
            await next(context);
        }
    }
}
