using System.Text;
using StageContract.Data;
using StageContract.Outcomes;

namespace StageContract.Headers;

/// <summary>
/// The deprecation header set of contract section 4. Every value is visible ASCII: raw input is
/// percent-encoded, cut to a bounded length, de-duplicated and at most
/// <see cref="StageContractData.MaxListedVariants"/> are listed, so input can never break a header
/// or make it huge.
/// </summary>
public sealed class DeprecationHeaders
{
    private readonly StageContractData _data;

    /// <summary>Creates the formatter from contract data.</summary>
    public DeprecationHeaders(StageContractData data) => _data = data ?? throw new ArgumentNullException(nameof(data));

    /// <summary>The headers to add for a result; empty unless it is warn or would-reject.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> For(ValidationResult result, IEnumerable<string> unknownRawValues)
    {
        if (!result.EmitsDeprecation())
        {
            return [];
        }

        var h = _data.Headers;
        var headers = new List<KeyValuePair<string, string>>(7)
        {
            new(h.Deprecation, "true"),
            new(h.Sunset, _data.Sunset),
            new(h.DeprecatedVariants, FormatVariants(unknownRawValues)),
            new(h.Docs, _data.DocsUrl),
            new(h.Link, $"<{_data.DocsUrl}>; rel=\"deprecation\""),
        };
        if (result == ValidationResult.WouldReject)
        {
            headers.Add(new(h.WouldReject, "true"));
            headers.Add(new(h.Recommendation, _data.Recommendation));
        }

        return headers;
    }

    /// <summary>Distinct raw values, encoded and capped: <c>a,b,...(+N)</c>.</summary>
    public string FormatVariants(IEnumerable<string> rawValues)
    {
        ArgumentNullException.ThrowIfNull(rawValues);
        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in rawValues)
        {
            if (seen.Add(raw))
            {
                distinct.Add(raw);
            }
        }

        var builder = new StringBuilder();
        var listed = Math.Min(distinct.Count, _data.MaxListedVariants);
        for (var i = 0; i < listed; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendEncoded(builder, distinct[i], _data.MaxVariantLength);
        }

        if (distinct.Count > listed)
        {
            builder.Append(",...(+").Append(distinct.Count - listed).Append(')');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Appends a value as is when it is visible ASCII without ',', '%' or '"', else percent-encodes
    /// its UTF-8 bytes outside that set. An empty value is written <c>""</c> (and a literal quote is
    /// always encoded, so that stays unambiguous). Values longer than <paramref name="maxLength"/>
    /// are cut (never inside a surrogate pair) and marked with a trailing "...".
    /// </summary>
    public static void AppendEncoded(StringBuilder builder, string value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        var cut = value.Length > maxLength;
        var length = cut ? maxLength : value.Length;
        if (cut && char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        if (value.Length == 0)
        {
            builder.Append("\"\"");
            return;
        }

        var text = value.AsSpan(0, length);
        if (text.ContainsAnyExceptInRange('!', '~') || text.ContainsAny(',', '%', '"'))
        {
            var bytes = Encoding.UTF8.GetBytes(text.ToArray());
            foreach (var b in bytes)
            {
                if (b is > 0x20 and < 0x7F && b != ',' && b != '%' && b != '"')
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        else
        {
            builder.Append(text);
        }

        if (cut)
        {
            builder.Append("...");
        }
    }
}
