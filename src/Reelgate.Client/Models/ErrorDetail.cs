namespace Reelgate.Client.Models;

/// <summary>The inside of the error envelope.</summary>
public sealed record ErrorDetail(string? Type, string? Code, string? Message, string? Param);
