using System.Globalization;
using System.Text;

namespace StageGenerators;

/// <summary>Shrinking and printing for generated strings, so a counterexample is small and readable.</summary>
public static class TextShrinker
{
    private const int SingleCharRemovalLimit = 256;
    private const int ShownChars = 160;

    /// <summary>Halves first (fast on 100k values), then single-character removals on short values.</summary>
    public static IEnumerable<string> Shrink(string value)
    {
        if (value.Length == 0)
        {
            yield break;
        }

        if (value.Length > 1)
        {
            yield return value[..(value.Length / 2)];
            yield return value[(value.Length / 2)..];
        }

        if (value.Length > SingleCharRemovalLimit)
        {
            yield break;
        }

        for (var i = 0; i < value.Length; i++)
        {
            yield return value.Remove(i, 1);
        }
    }

    /// <summary>
    /// A C#-style literal: visible ASCII as is, everything else as \uXXXX, cut after
    /// <see cref="ShownChars"/> characters with the full length noted.
    /// </summary>
    public static string Show(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder("\"");
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, ShownChars)))
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        builder.Append('"');
        if (value.Length > ShownChars)
        {
            builder.Append(CultureInfo.InvariantCulture, $" (first {ShownChars} of {value.Length} chars)");
        }

        return builder.ToString();
    }
}
