namespace Reelgate.Server.Errors;

/// <summary>Makes every answer without a body of its own, the framework's too, carry the envelope.</summary>
public static class ErrorPipelineExtensions
{
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }

    public static WebApplication UseApiErrors(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var response = http.Response;
            if (response.HasStarted || response.ContentLength > 0 || response.ContentType is not null)
            {
                return;
            }

            var (code, message) = FailureStatus.DescribeFrameworkStatus(response.StatusCode, http.Request.Method, http.Request.Path);
            if (response.StatusCode == StatusCodes.Status405MethodNotAllowed && response.Headers.Allow.Count > 0)
            {
                message += $"; use {string.Join(", ", response.Headers.Allow.ToArray())}";
            }

            var detail = new ErrorDetail(FailureStatus.TypeOf(response.StatusCode), code, message, null);
            await ErrorResult.WriteAsync(http, response.StatusCode, detail);
        });
        return app;
    }
}
