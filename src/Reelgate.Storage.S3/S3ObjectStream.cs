using Amazon.S3;
using Amazon.S3.Model;

namespace Reelgate.Storage.S3;

/// <summary>
/// A read-only, seekable view of one S3 object that fetches bytes with ranged GETs as they are read: a
/// Range request for the last megabyte of a video downloads that megabyte only, and a sequential read is
/// one GET. Seeking drops the open response; the next read opens one at the new position.
/// </summary>
internal sealed class S3ObjectStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    private GetObjectResponse? _response;
    private long _position;
    private long _responsePosition = -1;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        _position = target;
        return _position;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (_response is null || _responsePosition != _position)
        {
            CloseResponse();
            _response = await client.GetObjectAsync(new GetObjectRequest
            {
                BucketName = bucket,
                Key = key,
                ByteRange = new ByteRange(_position, length - 1),
            }, cancellationToken);
            _responsePosition = _position;
        }

        var wanted = (int)Math.Min(buffer.Length, length - _position);
        var read = await _response.ResponseStream.ReadAsync(buffer[..wanted], cancellationToken);
        if (read == 0)
        {
            CloseResponse();
            throw new IOException($"the S3 object {key} ended at byte {_position} of {length} (changed while being read?)");
        }

        _position += read;
        _responsePosition += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>The SDK has no blocking calls on .NET: read this stream asynchronously.</summary>
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("an S3 object stream is read asynchronously only (ReadAsync, CopyToAsync)");

    public override void Flush()
    {
        // Read-only.
    }

    public override void SetLength(long value) => throw new NotSupportedException("an S3 object stream is read-only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("an S3 object stream is read-only");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseResponse();
        }

        base.Dispose(disposing);
    }

    private void CloseResponse()
    {
        _response?.Dispose();
        _response = null;
        _responsePosition = -1;
    }
}
