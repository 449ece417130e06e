namespace ReferenceImpl.Api.Profiles;

/// <summary>
/// How <c>X-Stage-Deprecated-Variants</c> lists the unknown raw values, within what the contract
/// fixes (distinct values, visible ASCII only, no comma inside an item, at most 10 then
/// <c>,...(+N)</c>): everything here is left open by the contract.
/// </summary>
/// <param name="Encoding">Which characters are percent-encoded.</param>
/// <param name="Order">The order of the listed values.</param>
/// <param name="EmptyValue">How the empty raw value is written.</param>
/// <param name="MaxLength">A raw value is cut to this many UTF-16 characters (never inside a surrogate pair) before encoding.</param>
/// <param name="CutMarker">Appended to a value that was cut.</param>
public sealed record VariantListStyle(VariantEncoding Encoding, VariantOrder Order, string EmptyValue, int MaxLength, string CutMarker)
{
    /// <summary>What the contract library (<c>StageContract.Headers.DeprecationHeaders</c>) does with the shipped data; the default profile uses that library itself.</summary>
    public static VariantListStyle Contract { get; } = new(VariantEncoding.VisibleAsciiExceptCommaPercentQuote, VariantOrder.FirstSeen, "\"\"", 64, "...");
}
