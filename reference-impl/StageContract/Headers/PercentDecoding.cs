using System.Text;

namespace StageContract.Headers;

/// <summary>
/// Percent-decoding of header items (RFC 3986 section 2.1): every <c>%HH</c>, upper- or lower-case
/// hex, is one byte; every other character must be ASCII and stands for itself. Which characters a
/// service chose to encode does not matter: any encoding of a value decodes to the same bytes.
/// </summary>
public static class PercentDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The bytes <paramref name="text"/> stands for, or null when it holds a non-ASCII character or a
    /// <c>%</c> not followed by two hex digits. With <paramref name="allowCutEscape"/> an escape cut
    /// off at the very end (<c>ab%</c>, <c>ab%4</c>) is dropped instead: a value cut after it was encoded.
    /// </summary>
    public static byte[]? ToBytes(string text, bool allowCutEscape = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > 0x7F)
            {
                return null;
            }

            if (c != '%')
            {
                bytes.Add((byte)c);
                continue;
            }

            var left = text.Length - i - 1;
            if (left < 2 && allowCutEscape && (left == 0 || char.IsAsciiHexDigit(text[i + 1])))
            {
                break;
            }

            if (left < 2 || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
            {
                return null;
            }

            bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
            i += 2;
        }

        return [.. bytes];
    }

    /// <summary>The string <paramref name="text"/> decodes to as UTF-8, or null when it is not decodable or not valid UTF-8.</summary>
    public static string? ToUtf8(string text) =>
        ToBytes(text) is { } bytes && TryUtf8(bytes, out var value) ? value : null;

    /// <summary>
    /// The UTF-8 bytes of a value as a service would percent-encode them; an unpaired surrogate,
    /// which UTF-8 cannot hold, becomes U+FFFD (what every UTF-8 encoder writes).
    /// </summary>
    public static byte[] Utf8Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Encoding.UTF8.GetBytes(value);
    }

    private static bool TryUtf8(byte[] bytes, out string value)
    {
        try
        {
            value = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            value = "";
            return false;
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
