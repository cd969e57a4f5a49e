namespace Reelgate.Server.Errors;

/// <summary>The contract's error envelope: <c>{"error": {"type", "code", "message", "param"}}</c>.</summary>
public sealed record ErrorBody(ErrorDetail Error);

/// <summary>The inside of the error envelope.</summary>
public sealed record ErrorDetail(string Type, string Code, string Message, string? Param);
