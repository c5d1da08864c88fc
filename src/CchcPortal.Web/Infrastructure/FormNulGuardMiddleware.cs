using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace CchcPortal.Web.Infrastructure;

/// <summary>On a form page or endpoint: a NUL (%00) in its url-encoded form is removed and the form read without it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class StripsNulFromFormAttribute : Attribute;

/// <summary>
/// ASP.NET Core cannot read a url-encoded form holding an encoded NUL (%00): its form reader throws
/// InvalidDataException wherever the form is first read (antiforgery, model binding), far from the cause. Such a
/// request answers 400 here, with a warning in the log and the Vietnamese error page; endpoints marked
/// <see cref="StripsNulFromFormAttribute"/> (the citizen's question form) get the form without the NULs instead,
/// so the citizen's text is kept.
/// </summary>
public sealed class FormNulGuardMiddleware(RequestDelegate next, ILogger<FormNulGuardMiddleware> log)
{
    private static ReadOnlySpan<byte> EncodedNul => "%00"u8;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // A re-executed request (the error page) has been through here once already.
        if (!IsUrlEncodedForm(request) || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        var body = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(body, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) // too large, or cut short: the status the server chose (413, 400...)
        {
            log.LogWarning("A form posted to {Path} could not be read ({Status}): {Reason}", request.Path, ex.StatusCode, ex.Message);
            Refuse(context, ex.StatusCode);
            return;
        }
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        if (bytes.IndexOf(EncodedNul) < 0)
        {
            body.Position = 0;
            request.Body = body;
            await next(context);
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<StripsNulFromFormAttribute>() is null)
        {
            log.LogWarning("A form with a NUL character (%00) posted to {Path} was refused (400)", request.Path);
            Refuse(context, StatusCodes.Status400BadRequest);
            return;
        }

        log.LogWarning("NUL characters (%00) were removed from a form posted to {Path}", request.Path);
        var cleaned = WithoutEncodedNul(bytes);
        request.Body = new MemoryStream(cleaned);
        request.ContentLength = cleaned.Length;
        await next(context);
    }

    /// <summary>The status without a body, so the error page is re-executed; as a POST, it must not read this form again.</summary>
    private static void Refuse(HttpContext context, int status)
    {
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = status;
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static byte[] WithoutEncodedNul(ReadOnlySpan<byte> form)
    {
        var result = new List<byte>(form.Length);
        while (form.Length > 0)
        {
            var at = form.IndexOf(EncodedNul);
            if (at < 0) { result.AddRange(form); break; }
            result.AddRange(form[..at]);
            form = form[(at + EncodedNul.Length)..];
        }
        return [.. result];
    }
}
