using LinkagePortal.Hotline;
using LinkagePortal.Keys;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LinkagePortal.Tests.Hotline;

/// <summary>A body that trickles in too slowly is answered 408, not held open and not a 500.</summary>
public sealed class RequestBodyTests
{
    /// <summary>Sends the first bytes of a body and then nothing more.</summary>
    sealed class StalledStream : Stream
    {
        bool sent;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!sent)
            {
                sent = true;
                "{\"projectId\":"u8.CopyTo(buffer.Span);
                return 13;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_stalled_body_gets_408()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Request.ContentType = "application/json";
        context.Request.Body = new StalledStream();
        context.Response.Body = new MemoryStream();

        var (body, problem) = await RequestBody.ReadAsync(context.Request, TimeSpan.FromMilliseconds(200));

        Assert.Null(body);
        await problem!.ExecuteAsync(context);
        Assert.Equal(StatusCodes.Status408RequestTimeout, context.Response.StatusCode);
    }
}
