using ReferenceImpl.Api.Profiles;

namespace ReferenceImpl.Api.Problems;

/// <summary>
/// The request id of contract section 3: the <c>X-Request-Id</c> header when it is 1-128 visible
/// ASCII characters, else a new GUID (an invalid id is replaced, never echoed, so it cannot inject
/// a header).
/// </summary>
public static class RequestIds
{
    private const string ItemKey = "stage.request-id";

    /// <summary>Resolves and remembers the id for this request.</summary>
    public static string Resolve(HttpContext context, string headerName)
    {
        ArgumentNullException.ThrowIfNull(context);
        var supplied = context.Request.Headers[headerName];
        var id = supplied.Count == 1 && IsValid(supplied[0]) ? supplied[0]! : Guid.NewGuid().ToString(ServiceProfile.Of(context).RequestIdFormat, System.Globalization.CultureInfo.InvariantCulture);
        context.Items[ItemKey] = id;
        return id;
    }

    /// <summary>The id resolved for this request.</summary>
    public static string Of(HttpContext context) =>
        context?.Items[ItemKey] as string ?? throw new InvalidOperationException("the request id was not resolved");

    /// <summary>1-128 visible ASCII characters.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= 128 } && !id.AsSpan().ContainsAnyExceptInRange('!', '~');
}
