namespace ReferenceImpl.Api.Profiles;

/// <summary>
/// What problem details leave open (contract section 5 fixes the members, the media type and the
/// codes of stage and payload rejections): the <c>type</c> URI, the titles, the codes of the other
/// errors and the media type's parameters.
/// </summary>
/// <param name="TypePrefix">Prepended to the code, lower-cased with <c>-</c> for <c>_</c>, to make the <c>type</c> URI.</param>
/// <param name="Codes">Renamed codes (service-specific codes only; the contract's own are never renamed); others stay.</param>
/// <param name="Titles">One title per (renamed) code; a code not listed keeps the title its call site gives.</param>
/// <param name="ContentType">The <c>Content-Type</c> of problem responses.</param>
public sealed record ProblemStyle(string TypePrefix, IReadOnlyDictionary<string, string> Codes, IReadOnlyDictionary<string, string> Titles, string ContentType)
{
    /// <summary>The media type the framework writes, which the default profile keeps.</summary>
    public const string PlainContentType = "application/problem+json";

    /// <summary>The code this service answers with for <paramref name="code"/>.</summary>
    public string Code(string code) => Codes.TryGetValue(code, out var renamed) ? renamed : code;

    /// <summary>The <c>type</c> URI of an (already renamed) code.</summary>
    public string TypeUri(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TypePrefix + code.ToLowerInvariant().Replace('_', '-');
    }

    /// <summary>The title of an (already renamed) code, else the call site's.</summary>
    public string Title(string code, string title) => Titles.TryGetValue(code, out var own) ? own : title;
}
