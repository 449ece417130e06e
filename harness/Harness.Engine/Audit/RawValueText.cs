using System.Text;

namespace Harness.Engine.Audit;

/// <summary>
/// A raw stage value made safe to show anywhere: cut to a number of characters (marked <c>...</c>),
/// then percent-encoded wherever it holds anything but visible ASCII, a comma or a percent sign
/// (the contract's rule for <c>X-Stage-Deprecated-Variants</c>, section 4).
/// </summary>
public static class RawValueText
{
    /// <summary>The shown form of <paramref name="raw"/>, cut to <paramref name="maxChars"/> characters first.</summary>
    public static string Of(string raw, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var cut = raw.Length > maxChars;
        var text = cut ? raw[..maxChars] : raw;
        if (cut && char.IsHighSurrogate(text[^1]))
        {
            text = text[..^1];
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is > 0x20 and < 0x7F and not (byte)',' and not (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return cut ? builder.Append("...").ToString() : builder.ToString();
    }
}
