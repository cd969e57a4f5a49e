namespace Reelgate.Server.Errors;

/// <summary>
/// The error statuses a handler returning <see cref="ErrorResult"/> can answer; <see cref="ErrorResult"/> reads it to
/// describe the envelope under each of them in the OpenAPI document. The auth layer's 401 and 403 are described once,
/// for the whole route group (<see cref="Auth.AuthErrorResponses"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProducesErrorsAttribute(params int[] statuses) : Attribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;
}
