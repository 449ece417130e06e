using StageContract.Normalization;

namespace StageContract.Headers;

/// <summary>
/// Whether one item of <c>X-Stage-Deprecated-Variants</c> stands for one raw value of the request
/// (contract section 4, read by meaning). An item spells a value when it is the value as sent, or
/// percent-decodes to its UTF-8 bytes (any characters encoded, upper- or lower-case hex), or is a
/// cut of it: a prefix of at least <see cref="MinimumCutBytes"/> bytes, as sent or percent-decoded,
/// optionally followed by <see cref="CutMarker"/>. The empty value is <c>""</c> or nothing; a JSON
/// <c>null</c> (or a missing stage) is <c>null</c> or nothing; a value that is not a JSON string is its
/// JSON text as sent.
/// </summary>
public static class VariantSpelling
{
    /// <summary>
    /// Shortest cut accepted, in UTF-8 bytes of the raw value. The contract fixes no length cap (the
    /// reference cuts at 64 characters, another service at 40); a cut shorter than this would no longer
    /// tell a client which of its values is meant, so a value of at most this many bytes is listed whole.
    /// </summary>
    public const int MinimumCutBytes = 16;

    /// <summary>The marker a cut value may carry (the reference's; a service may also mark nothing).</summary>
    public const string CutMarker = "...";

    /// <summary>True when <paramref name="item"/> (one list item, OWS already trimmed) stands for <paramref name="raw"/>.</summary>
    public static bool Spells(string item, RawStage raw)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Spells(item, Of(raw));
    }

    /// <summary>True when <paramref name="item"/> stands for a value with the given spellings (<see cref="Of"/>).</summary>
    public static bool Spells(string item, RawSpellings raw)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.MayBeNothing && item is "" or "\"\"")
        {
            return true;
        }

        if (raw.Text.Length == 0)
        {
            return false;
        }

        if (string.Equals(item, raw.Text, StringComparison.Ordinal)
            || (PercentDecoding.ToBytes(item) is { } decoded && decoded.AsSpan().SequenceEqual(raw.Utf8)))
        {
            return true;
        }

        return IsCut(item, raw) || (item.EndsWith(CutMarker, StringComparison.Ordinal) && IsCut(item[..^CutMarker.Length], raw, marked: true));
    }

    /// <summary>The text a raw value is spelled from, and whether nothing may stand for it.</summary>
    public static RawSpellings Of(RawStage raw) =>
        raw switch
        {
            { Value: null } => new RawSpellings("null", MayBeNothing: true),
            { Value: "" } => new RawSpellings("", MayBeNothing: true),
            _ => new RawSpellings(raw.Value, MayBeNothing: false),
        };

    private static bool IsCut(string prefix, RawSpellings raw, bool marked = false)
    {
        if (prefix.Length < MinimumCutBytes)
        {
            return false;
        }

        var shorter = marked ? prefix.Length <= raw.Text.Length : prefix.Length < raw.Text.Length;
        if (shorter && raw.Text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return true;
        }

        return PercentDecoding.ToBytes(prefix, allowCutEscape: true) is { Length: >= MinimumCutBytes } bytes
            && (marked ? bytes.Length <= raw.Utf8.Length : bytes.Length < raw.Utf8.Length)
            && raw.Utf8.AsSpan().StartsWith(bytes);
    }
}
