using System.Buffers;

namespace LinkagePortal.Rendering;

/// <summary>
/// A response body held in memory to be hashed before it is sent (<see cref="PageCache"/>'s ETag), in arrays rented
/// from the shared pool. A MemoryStream grew by doubling into new arrays on every request; a county page's 150 KB
/// needed two large-object-heap arrays per request, whose allocation, and the full collections they set off, took
/// about half of the page's server time.
/// </summary>
sealed class ResponseBuffer : Stream
{
    byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    int length;

    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > buffer.Length - length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + bytes.Length));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    public override void Write(byte[] bytes, int offset, int count) => Write(bytes.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        Write(bytes.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] bytes, int offset, int count, CancellationToken cancellationToken)
    {
        Write(bytes.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] bytes, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && length >= 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            length = -1;
        }

        base.Dispose(disposing);
    }
}
