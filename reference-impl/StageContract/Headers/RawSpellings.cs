namespace StageContract.Headers;

/// <summary>What an item of <c>X-Stage-Deprecated-Variants</c> may spell a raw value from (<see cref="VariantSpelling.Of"/>).</summary>
/// <param name="Text">The value as sent: the string, the JSON text of a non-string, <c>null</c> for a JSON null or a missing stage.</param>
/// <param name="MayBeNothing">True for the empty value and for null: <c>""</c> or nothing between two commas stands for it.</param>
public sealed record RawSpellings(string Text, bool MayBeNothing)
{
    /// <summary>The UTF-8 bytes of <see cref="Text"/> that a percent-encoded item decodes to (an unpaired surrogate as U+FFFD).</summary>
    public byte[] Utf8 { get; } = PercentDecoding.Utf8Of(Text);
}
