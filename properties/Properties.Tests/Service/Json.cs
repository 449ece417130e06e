using System.Globalization;
using System.Text;

namespace Properties.Tests.Service;

/// <summary>
/// Writes JSON text by hand, because hostile payloads need what a serializer refuses to write:
/// lone surrogates (as \uXXXX escapes), duplicate member names, numbers such as 5E-324.
/// </summary>
internal static class Json
{
    /// <summary>A JSON string literal; everything but printable ASCII is escaped as \uXXXX.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A JSON number in round-trip form (finite values only: JSON has no NaN or infinity).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Percent-encodes the UTF-8 of a value for a query string (a lone surrogate becomes U+FFFD).</summary>
    public static string Query(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
