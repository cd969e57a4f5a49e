using System.Net;
using Reelgate.Client;

namespace Reelgate.Cli;

/// <summary>What the reelgate command's exit status means, so scripts can branch on it.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The job ended failed or cancelled.</summary>
    public const int JobFailed = 1;

    /// <summary>Bad options or arguments, a request the server refused as invalid (400, 413, 415, 422), or a local file problem.</summary>
    public const int Usage = 2;

    /// <summary>No key, a wrong or revoked key (401), or a key without the role (403).</summary>
    public const int Auth = 3;

    /// <summary>No such job, key, model or route (404), or an expired output (410).</summary>
    public const int NotFound = 4;

    /// <summary>The key's balance cannot cover the price (402).</summary>
    public const int InsufficientCredits = 5;

    /// <summary>Rate or spend limit (429), after the client's retries.</summary>
    public const int RateLimited = 6;

    /// <summary>The server failed (5xx) or could not be reached, after retries.</summary>
    public const int ServerOrNetwork = 7;

    /// <summary>A conflict (409): an Idempotency-Key reused with another body, or a job already final.</summary>
    public const int Conflict = 8;

    /// <summary>--timeout passed before the job reached a final state (the job goes on).</summary>
    public const int WaitTimeout = 9;

    /// <summary>Something reelgate did not expect (a bug): still one line, no stack trace.</summary>
    public const int Internal = 10;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Interrupted = 130;

    public static int From(ReelgateException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Status is null)
        {
            return string.Equals(error.Code, "wait_timeout", StringComparison.Ordinal) ? WaitTimeout
                : string.Equals(error.Type, ReelgateErrorTypes.InvalidRequest, StringComparison.Ordinal) ? Usage
                : ServerOrNetwork;
        }

        return error.Status.Value switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Auth,
            HttpStatusCode.NotFound or HttpStatusCode.Gone => NotFound,
            HttpStatusCode.PaymentRequired => InsufficientCredits,
            HttpStatusCode.TooManyRequests => RateLimited,
            HttpStatusCode.Conflict => Conflict,
            >= HttpStatusCode.InternalServerError => ServerOrNetwork,
            _ => Usage,
        };
    }
}
