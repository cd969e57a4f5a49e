namespace Reelgate.Core;

/// <summary>What kind of refusal an outcome is; the server maps each to a status and error type.</summary>
public enum FailureKind
{
    BadRequest,
    Unauthenticated,
    InsufficientCredits,
    Forbidden,
    NotFound,
    Conflict,
    Gone,
    PayloadTooLarge,
    UnsupportedMediaType,
    Unprocessable,
    RateLimited,
    Upstream,
    Internal,
}

/// <summary>A refusal that names its cause: the contract's error envelope without the HTTP.</summary>
public sealed record Failure(FailureKind Kind, string Code, string Message, string? Param = null)
{
    /// <summary>For 429 answers: how long the caller should wait.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static Failure Invalid(string param, string code, string message) =>
        new(FailureKind.Unprocessable, code, message, param);

    public static Failure Missing(string param) =>
        Invalid(param, "missing_parameter", $"{param} is required");

    public static Failure WrongType(string param, string expected) =>
        Invalid(param, "invalid_type", $"{param} must be {expected}");

    public static Failure JobNotFound(string jobId) =>
        new(FailureKind.NotFound, "job_not_found", $"no job {Printable(jobId)} exists for this key", "job_id");

    /// <summary>Quotes a value from the caller in a message without letting control characters through.</summary>
    public static string Printable(string value)
    {
        var shortened = value.Length > 64 ? string.Concat(value.AsSpan(0, 61), "...") : value;
        return string.Create(shortened.Length, shortened, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
