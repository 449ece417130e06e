using System.Collections.Frozen;
using System.Text;
using StageContract.Data;

namespace StageContract.Normalization;

/// <summary>
/// <c>Normalize(raw)</c> of contract section 1: pure, total and fail-closed. Canonical input costs
/// one span lookup; ASCII input is folded into a stack buffer; only input with non-ASCII characters
/// pays for NFKC and culture-invariant lower-casing. Nothing on the first two paths allocates.
/// </summary>
public sealed class StageNormalizer
{
    private readonly FrozenDictionary<string, KeyEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<string, KeyEntry> _keys;
    private readonly int _maxKeyLength;

    /// <summary>Builds the lookup from validated contract data.</summary>
    public StageNormalizer(StageContractData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Stages = [.. data.Stages];
        var keys = new Dictionary<string, KeyEntry>(StringComparer.Ordinal);
        for (var i = 0; i < Stages.Count; i++)
        {
            foreach (var key in data.Aliases[Stages[i]])
            {
                keys[key] = new KeyEntry(i, string.Equals(key, Stages[i], StringComparison.Ordinal));
            }
        }

        _keys = keys.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxKeyLength = _keys.Keys.Max(k => k.Length);
        AliasKeys = [.. Stages.SelectMany(s => data.Aliases[s].Select(k => (k, s)))];
    }

    /// <summary>Canonical stages, in order.</summary>
    public IReadOnlyList<string> Stages { get; }

    /// <summary>Every accepted key with its canonical stage, in stage order then table order.</summary>
    public IReadOnlyList<(string Key, string Stage)> AliasKeys { get; }

    /// <summary>Normalizes one stage value.</summary>
    public NormalizedStage Normalize(RawStage raw)
    {
        if (!raw.IsString)
        {
            return NormalizedStage.Unknown(raw, UnknownReason.NotAString);
        }

        var value = raw.Value;
        if (value is null)
        {
            return NormalizedStage.Unknown(raw, UnknownReason.Missing);
        }

        if (_lookup.TryGetValue(value.AsSpan(), out var exact))
        {
            return Known(raw, exact);
        }

        Span<char> buffer = stackalloc char[_maxKeyLength + 1];
        return FoldAscii(value, buffer) switch
        {
            AsciiFold.NotAscii => NormalizeSlow(raw, value),
            AsciiFold.Blank => NormalizedStage.Unknown(raw, UnknownReason.Blank),
            AsciiFold.TooLong => NormalizedStage.Unknown(raw, UnknownReason.NotRecognized),
            var length => _lookup.TryGetValue(buffer[..(int)length], out var entry)
                ? Known(raw, entry with { IsCanonical = false })
                : NormalizedStage.Unknown(raw, UnknownReason.NotRecognized),
        };
    }

    /// <summary>
    /// Steps 2-6 of the contract on any string, the plain allocating way: the definition that the
    /// fast paths must agree with. Returns null when nothing is left (blank) or the string holds an
    /// unpaired surrogate.
    /// </summary>
    public static string? Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string nfkc;
        try
        {
            nfkc = value.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var dropped = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (!IsDropped(c))
            {
                dropped.Append(c);
            }
        }

        var lowered = dropped.ToString().ToLowerInvariant();
        var result = new StringBuilder(lowered.Length);
        var pendingSpace = false;
        foreach (var c in lowered)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(IsDash(c) ? '-' : c);
        }

        return result.Length == 0 ? null : result.ToString();
    }

    /// <summary>Step 3: zero-width and format characters that are dropped.</summary>
    public static bool IsDropped(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>Step 5: dash-like characters mapped to '-'.</summary>
    public static bool IsDash(char c) =>
        c is (>= '\u2010' and <= '\u2015') or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D';

    private static bool IsAsciiWhiteSpace(char c) => c == ' ' || (c >= '\t' && c <= '\r');

    private NormalizedStage NormalizeSlow(RawStage raw, string value)
    {
        if (!IsWellFormed(value))
        {
            return NormalizedStage.Unknown(raw, UnknownReason.InvalidUnicode);
        }

        var folded = Fold(value);
        if (folded is null)
        {
            return NormalizedStage.Unknown(raw, UnknownReason.Blank);
        }

        return _keys.TryGetValue(folded, out var entry)
            ? Known(raw, entry with { IsCanonical = false })
            : NormalizedStage.Unknown(raw, UnknownReason.NotRecognized);
    }

    /// <summary>True when <paramref name="value"/> has no unpaired surrogate (so it can be encoded as UTF-8, JSON or a URL).</summary>
    public static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private NormalizedStage Known(RawStage raw, KeyEntry entry) =>
        new(entry.IsCanonical ? StageKind.Canonical : StageKind.Alias,
            entry.StageIndex, Stages[entry.StageIndex], raw, UnknownReason.None);

    /// <summary>
    /// Folds pure-ASCII input (NFKC is the identity there and invariant lower-casing is ASCII
    /// lower-casing) into <paramref name="buffer"/>. Returns the folded length, or a marker.
    /// </summary>
    private static AsciiFold FoldAscii(string value, Span<char> buffer)
    {
        var length = 0;
        var pendingSpace = false;
        var tooLong = false;
        foreach (var c in value)
        {
            if (c >= '\u0080')
            {
                return AsciiFold.NotAscii;
            }

            if (tooLong)
            {
                continue;
            }

            if (IsAsciiWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            var needed = pendingSpace ? 2 : 1;
            if (length + needed > buffer.Length)
            {
                tooLong = true;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        }

        return tooLong ? AsciiFold.TooLong : length == 0 ? AsciiFold.Blank : (AsciiFold)length;
    }

    private readonly record struct KeyEntry(int StageIndex, bool IsCanonical);

    private enum AsciiFold
    {
        NotAscii = -3,
        TooLong = -2,
        Blank = 0,
    }
}
