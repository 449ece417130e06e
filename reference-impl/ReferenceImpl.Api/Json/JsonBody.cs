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

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes.Bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            return (null, Problem.Create(context, StatusCodes.Status400BadRequest, ServiceProblemCodes.MalformedJson,
                "The body is not valid JSON", $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}"));
        }

        // JSON text may escape a lone surrogate ("\ud800"), which no .NET string can be read from.
        // Such a body is not I-JSON (RFC 7493); it is refused as malformed in every mode rather than
        // failing later wherever the string is read. Only bodies with a \u escape need the walk.
        if (bytes.Bytes.Span.IndexOf("\\u"u8) >= 0 && !AllStringsReadable(document.RootElement))
        {
            document.Dispose();
            return (null, Problem.Create(context, StatusCodes.Status400BadRequest, ServiceProblemCodes.MalformedJson,
                "The body is not valid JSON", "a string escapes an unpaired surrogate (\\ud800-\\udfff); bodies must be I-JSON (RFC 7493)"));
        }

        return (document, null);
    }

    /// <summary>
    /// The parsed document when the body is a JSON object; otherwise the problem to answer with:
    /// <see cref="ReadAsync"/>'s, or for any other JSON value the 400 that
    /// <paramref name="payloadProblem"/> makes of the error <c>$: the body must be a JSON object</c>.
    /// </summary>
    public static async Task<(JsonDocument? Document, ProblemHttpResult? Problem)> ReadObjectAsync(
        HttpContext context, Func<IReadOnlyList<FieldError>, ProblemHttpResult> payloadProblem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payloadProblem);
        var (document, problem) = await ReadAsync(context, cancellationToken).ConfigureAwait(false);
        if (document is null || document.RootElement.ValueKind == JsonValueKind.Object)
        {
            return (document, problem);
        }

        document.Dispose();
        return (null, payloadProblem([new FieldError("$", "the body must be a JSON object")]));
    }

    private static bool AllStringsReadable(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!AllStringsReadable(item))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (property.Name is null || !AllStringsReadable(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The raw body bytes (for signatures), or the problem to answer with.</summary>
    public static async Task<(ReadOnlyMemory<byte> Bytes, ProblemHttpResult? Problem)> ReadBytesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsJson(context.Request.ContentType))
        {
            return (default, Problem.Create(context, StatusCodes.Status415UnsupportedMediaType, ServiceProblemCodes.UnsupportedMediaType,
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
        Problem.Create(context, StatusCodes.Status413PayloadTooLarge, ServiceProblemCodes.PayloadTooLarge, "Payload too large", "the body must be at most 1 MiB");

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
