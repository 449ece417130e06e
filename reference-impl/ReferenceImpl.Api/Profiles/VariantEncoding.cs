namespace ReferenceImpl.Api.Profiles;

/// <summary>Which characters of a raw value <c>X-Stage-Deprecated-Variants</c> percent-encodes.</summary>
public enum VariantEncoding
{
    /// <summary>Sent as is when visible ASCII without <c>,</c>, <c>%</c> or <c>"</c>; otherwise the UTF-8 bytes outside that set as <c>%XX</c> (upper-case hex).</summary>
    VisibleAsciiExceptCommaPercentQuote,

    /// <summary>Every UTF-8 byte outside RFC 3986 unreserved (<c>A-Z a-z 0-9 - . _ ~</c>) as <c>%xx</c> (lower-case hex).</summary>
    Rfc3986Unreserved,
}
