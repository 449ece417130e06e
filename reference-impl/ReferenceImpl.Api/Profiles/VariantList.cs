using System.Globalization;
using System.Text;

namespace ReferenceImpl.Api.Profiles;

/// <summary>Formats <c>X-Stage-Deprecated-Variants</c> in any <see cref="VariantListStyle"/>.</summary>
public static class VariantList
{
    /// <summary>Distinct raw values in the style's order and encoding, at most <paramref name="maxListed"/>, then <c>,...(+N)</c>.</summary>
    public static string Format(VariantListStyle style, IEnumerable<string> rawValues, int maxListed)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(rawValues);
        var distinct = rawValues.Distinct(StringComparer.Ordinal).ToList();
        if (style.Order == VariantOrder.Ordinal)
        {
            distinct.Sort(StringComparer.Ordinal);
        }

        var builder = new StringBuilder();
        var listed = Math.Min(distinct.Count, maxListed);
        for (var i = 0; i < listed; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendEncoded(builder, style, distinct[i]);
        }

        if (distinct.Count > listed)
        {
            builder.Append(",...(+").Append(distinct.Count - listed).Append(')');
        }

        return builder.ToString();
    }

    /// <summary>One value, cut and encoded.</summary>
    public static void AppendEncoded(StringBuilder builder, VariantListStyle style, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            builder.Append(style.EmptyValue);
            return;
        }

        var cut = value.Length > style.MaxLength;
        var length = cut ? style.MaxLength : value.Length;
        if (cut && char.IsHighSurrogate(value[length - 1]))
        {
            length--;
        }

        var text = value.AsSpan(0, length);
        var plain = style.Encoding == VariantEncoding.VisibleAsciiExceptCommaPercentQuote
            && !text.ContainsAnyExceptInRange('!', '~') && !text.ContainsAny(',', '%', '"');
        if (plain)
        {
            builder.Append(text);
        }
        else
        {
            foreach (var b in Encoding.UTF8.GetBytes(text.ToArray()))
            {
                if (Keeps(style.Encoding, b))
                {
                    builder.Append((char)b);
                }
                else
                {
                    builder.Append('%').Append(b.ToString(style.Encoding == VariantEncoding.Rfc3986Unreserved ? "x2" : "X2", CultureInfo.InvariantCulture));
                }
            }
        }

        if (cut)
        {
            builder.Append(style.CutMarker);
        }
    }

    private static bool Keeps(VariantEncoding encoding, byte b) => encoding switch
    {
        VariantEncoding.Rfc3986Unreserved => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~',
        _ => b is > 0x20 and < 0x7F && b != ',' && b != '%' && b != '"',
    };
}
