using System.Text;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace CchcPortal.Tests.Unit;

public class FormNulGuardMiddlewareTests
{
    private static DefaultHttpContext Post(Stream body, params object[] endpointMetadata)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded; charset=utf-8";
        context.Request.Body = body;
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(endpointMetadata), "form"));
        return context;
    }

    [Fact]
    public async Task Marked_forms_are_read_without_their_nuls_and_an_encoded_percent_is_left_alone()
    {
        var context = Post(new MemoryStream("a=Th%E1%BB%A7%00+t%E1%BB%A5c&b=50%2500&c=%%00x"u8.ToArray()), new StripsNulFromFormAttribute());
        string? seen = null;
        var middleware = new FormNulGuardMiddleware(async c => seen = await new StreamReader(c.Request.Body).ReadToEndAsync(), NullLogger<FormNulGuardMiddleware>.Instance);
        await middleware.InvokeAsync(context);
        Assert.Equal("a=Th%E1%BB%A7+t%E1%BB%A5c&b=50%2500&c=%x", seen);
    }

    [Fact]
    public async Task Other_forms_with_a_nul_answer_400_and_forms_without_pass_unchanged()
    {
        var called = 0;
        var middleware = new FormNulGuardMiddleware(_ => { called++; return Task.CompletedTask; }, NullLogger<FormNulGuardMiddleware>.Instance);
        var refused = Post(new MemoryStream("Email=a%00b"u8.ToArray()));
        await middleware.InvokeAsync(refused);
        Assert.Equal(0, called);
        Assert.Equal(400, refused.Response.StatusCode);
        Assert.Empty(await refused.Request.ReadFormAsync()); // the re-executed error page reads an empty form

        var clean = Post(new MemoryStream("Email=a%2500b"u8.ToArray()));
        await middleware.InvokeAsync(clean);
        Assert.Equal(1, called);
        Assert.Equal("a%00b", (await clean.Request.ReadFormAsync())["Email"]);
    }

    [Fact]
    public async Task A_form_the_server_cannot_read_answers_its_status_not_500()
    {
        var context = Post(new UnreadableStream(new BadHttpRequestException("Request body too large.", 413)));
        var called = false;
        var middleware = new FormNulGuardMiddleware(_ => { called = true; return Task.CompletedTask; }, NullLogger<FormNulGuardMiddleware>.Instance);
        await middleware.InvokeAsync(context);
        Assert.False(called);
        Assert.Equal(413, context.Response.StatusCode);
    }

    private sealed class UnreadableStream(Exception error) : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw error;
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw error;
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw error;
        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) => throw error;
    }
}
