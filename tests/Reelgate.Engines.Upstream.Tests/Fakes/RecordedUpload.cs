namespace Reelgate.Engines.Upstream.Tests.Fakes;

/// <summary>A file part of a multipart upload a fake received.</summary>
public sealed record RecordedUpload(string Field, string FileName, string ContentType, byte[] Bytes);
