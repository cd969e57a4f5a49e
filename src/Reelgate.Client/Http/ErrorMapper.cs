using System.Net;
using System.Text.Json;
using Reelgate.Client.Models;
using Reelgate.Client.Serialization;

namespace Reelgate.Client.Http;

/// <summary>Turns an error answer into a <see cref="ReelgateException"/>: the envelope when there is one, else the status.</summary>
internal static class ErrorMapper
{
    private const int MaxErrorBody = 64 * 1024;

    public static async Task<ReelgateException> ToExceptionAsync(
        HttpResponseMessage response, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var text = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        ErrorDetail? detail = null;
        try
        {
            detail = JsonSerializer.Deserialize<ErrorEnvelope>(text, ReelgateJson.Options)?.Error;
        }
        catch (JsonException)
        {
            // Not the contract's envelope (a proxy's HTML page, say): described from the status below.
        }

        var type = detail?.Type ?? TypeOf(status);
        var code = detail?.Code ?? "http_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = detail?.Message ?? $"the server answered {(int)status} {response.ReasonPhrase} without the error envelope";
        return new ReelgateException(status, type, code, message, detail?.Param, retryAfter);
    }

    /// <summary>The contract's type for a status, for answers that came without an envelope.</summary>
    public static string TypeOf(HttpStatusCode status) => (int)status switch
    {
        401 => ReelgateErrorTypes.Authentication,
        402 => ReelgateErrorTypes.InsufficientCredits,
        403 => ReelgateErrorTypes.Permission,
        429 => ReelgateErrorTypes.RateLimit,
        502 or 503 or 504 => ReelgateErrorTypes.Upstream,
        >= 500 => ReelgateErrorTypes.Server,
        >= 400 => ReelgateErrorTypes.InvalidRequest,
        _ => ReelgateErrorTypes.ApiError,
    };

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxErrorBody];
                var length = 0;
                int read;
                while (length < buffer.Length && (
                    read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return string.Empty;
        }
    }
}
