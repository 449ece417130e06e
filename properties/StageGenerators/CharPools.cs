namespace StageGenerators;

/// <summary>
/// Characters the generators draw from, grouped by what the contract says about them. Written as
/// escapes on purpose: a reviewer must see which code point each one is.
/// </summary>
public static class CharPools
{
    /// <summary>char.IsWhiteSpace: trimmed and collapsed by step 6 (some after NFKC).</summary>
    public static readonly string[] Whitespace =
    [
        " ", "\t", "\n", "\v", "\f", "\r", "\u0085", "\u00A0", "\u1680",
        "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200A",
        "\u2028", "\u2029", "\u202F", "\u205F", "\u3000",
    ];

    /// <summary>Step 3: dropped.</summary>
    public static readonly string[] ZeroWidth = ["\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"];

    /// <summary>Step 5: mapped to '-'.</summary>
    public static readonly string[] Dashes =
        ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\uFE58", "\uFE63", "\uFF0D"];

    /// <summary>NFKC folds each of these to '+' (full-width, superscript, subscript, small).</summary>
    public static readonly string[] Pluses = ["\uFF0B", "\u207A", "\u208A", "\uFE62"];

    /// <summary>
    /// Look-alikes and format characters the contract does NOT fold or drop: soft hyphen, grapheme
    /// joiner, bidi marks, embeddings, overrides and isolates, invisible operators, Mongolian vowel
    /// separator, and dash/plus look-alikes outside the mapped set.
    /// </summary>
    public static readonly string[] NotFolded =
    [
        "\u00AD", "\u034F", "\u061C", "\u180E", "\u200E", "\u200F",
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
        "\u2061", "\u2062", "\u2063", "\u2064", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u2043", "\u02D7", "\u2796", "\u2795", "\uFE31", "\u2E3A", "\u2027", "\u00B7", "\u02D6",
    ];

    /// <summary>C0 and C1 controls that are not whitespace, plus DEL.</summary>
    public static readonly string[] Controls =
        ["\0", "\u0001", "\u0007", "\u0008", "\u001B", "\u001C", "\u001D", "\u001E", "\u001F", "\u007F", "\u0080", "\u009F"];

    /// <summary>Combining marks, some of which compose under NFKC with the letter before them.</summary>
    public static readonly string[] Combining =
        ["\u0300", "\u0301", "\u0302", "\u0308", "\u0327", "\u0338", "\u036F", "\u20DD", "\u1AB0"];

    public static readonly string[] LoneSurrogates = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF"];

    /// <summary>
    /// Characters outside the BMP (valid surrogate pairs) and compatibility characters that NFKC
    /// rewrites into several letters or into ASCII: mathematical bold letters, ligatures, long s,
    /// Kelvin sign, Roman numerals, squared units, an emoji.
    /// </summary>
    public static readonly string[] CompatibilityAndAstral =
    [
        "\U0001D41A", "\U0001D41E", "\U0001D42C", "\U0001F600", "\U00010348",
        "\uFB01", "\uFB00", "\u017F", "\u212A", "\u2173", "\u338F", "\u00BD", "\u2121", "\u0130", "\u0131",
    ];

    /// <summary>Cyrillic and Greek letters that look like the Latin letter they are keyed by.</summary>
    public static readonly IReadOnlyDictionary<char, string[]> Homoglyphs = new Dictionary<char, string[]>
    {
        ['a'] = ["\u0430", "\u0410", "\u03B1"],
        ['b'] = ["\u042C", "\u0432", "\u0412"],
        ['c'] = ["\u0441", "\u0421", "\u03F2"],
        ['d'] = ["\u0501"],
        ['e'] = ["\u0435", "\u0415", "\u0454"],
        ['i'] = ["\u0456", "\u0406", "\u03B9"],
        ['o'] = ["\u043E", "\u041E", "\u03BF"],
        ['p'] = ["\u0440", "\u0420", "\u03C1"],
        ['r'] = ["\u0433"],
        ['s'] = ["\u0455", "\u0405"],
    };

    /// <summary>Everything above plus plain printable ASCII: the alphabet of the random soup.</summary>
    public static readonly string[] Everything =
    [
        .. Whitespace, .. ZeroWidth, .. Dashes, .. Pluses, .. NotFolded, .. Controls, .. Combining,
        .. LoneSurrogates, .. CompatibilityAndAstral, .. Homoglyphs.Values.SelectMany(v => v),
        .. Enumerable.Range(0x21, 0x7E - 0x21 + 1).Select(c => ((char)c).ToString()),
        .. Enumerable.Range(0xFF01, 0xFF5E - 0xFF01 + 1).Select(c => ((char)c).ToString()),
    ];

    /// <summary>The full-width form of a visible ASCII character (U+FF01..U+FF5E), or U+3000 for a space.</summary>
    public static char FullWidth(char c) => c switch
    {
        ' ' => '\u3000',
        >= '!' and <= '~' => (char)(c + 0xFEE0),
        _ => c,
    };
}
