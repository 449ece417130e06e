using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using ReferenceImpl.Api.Problems;

namespace ReferenceImpl.Api.Json;

/// <summary>
/// Reads a request body as JSON with the contract's limits: 415 unless the content type is JSON,
/// 413 over 1 MiB, 400 when it does not parse. Reads into a buffer of its own so the limit holds
/// for chunked bodies too.
/// </summary>
public static class JsonBody
{
    /// <summary>Largest accepted body.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>The parsed document, or the problem to answer with.</summary>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bytes = await ReadBytesAsync(context, cancellationToken).ConfigureAwait(false);
        if (bytes.Problem is not null)
        {
            return (null, bytes.Problem);
        }

        try
        {
            return (JsonDocument.Parse(bytes.Bytes, DocumentOptions), null);
        }
        catch (JsonException e)
        {
            return (null, Problem.Create(context, StatusCodes.Status400BadRequest, ProblemCodes.MalformedJson,
                "The body is not valid JSON", $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}"));
        }
    }

    /// <summary>The raw body bytes (for signatures), or the problem to answer with.</summary>
    public static async Task<(ReadOnlyMemory<byte> Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsJson(context.Request.ContentType))
        {
            return (default, Problem.Create(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType,
                "Unsupported media type", "send the body as application/json"));
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            return (default, TooLarge(context));
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        var body = context.Request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            int read;
            try
            {
                read = await body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return (default, TooLarge(context));
            }

            if (read == 0)
            {
                return (buffer.WrittenMemory, null);
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBytes)
            {
                return (default, TooLarge(context));
            }
        }
    }

    private static ProblemHttpResult TooLarge(HttpContext context) =>
        Problem.Create(context, StatusCodes.Status413PayloadTooLarge, ProblemCodes.PayloadTooLarge, "Payload too large", "the body must be at most 1 MiB");

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        var charsetOk = media.Charset.Value is null || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        return charsetOk && (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
    }
}
