using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace StageGenerators;

/// <summary>
/// Generators of spellings that the contract says must normalize like the original: each one
/// varies a single dimension of steps 2-6 (case, whitespace, full width, zero-width, dashes), and
/// <see cref="Combined"/> varies all of them at once.
/// </summary>
public static class FoldingVariants
{
    /// <summary>Each ASCII letter independently upper or lower case.</summary>
    public static Gen<string> Case(string s) =>
        PerChar(s, c => char.IsAsciiLetter(c)
            ? Gen.Elements(char.ToUpperInvariant(c).ToString(), char.ToLowerInvariant(c).ToString())
            : Gen.Constant(c.ToString()));

    /// <summary>
    /// Runs of any whitespace before, after and in place of every space (tabs, line breaks, NBSP,
    /// ideographic space, the U+2000 block...). Never adds whitespace where there was none.
    /// </summary>
    public static Gen<string> Whitespace(string s) =>
        from lead in Run(0)
        from middle in PerChar(s, c => c == ' ' ? Run(1) : Gen.Constant(c.ToString()))
        from trail in Run(0)
        select lead + middle + trail;

    /// <summary>Each visible ASCII character independently kept or written full width; '+' may also be superscript, subscript or small.</summary>
    public static Gen<string> FullWidth(string s) =>
        PerChar(s, c => c == '+'
            ? Gen.Elements([.. CharPools.Pluses, "+"])
            : Gen.Elements(c.ToString(), CharPools.FullWidth(c).ToString()));

    /// <summary>Zero to two dropped characters before each character and at the end.</summary>
    public static Gen<string> ZeroWidth(string s) =>
        from body in PerChar(s, c => ZeroWidthRun.Select(run => run + c))
        from trail in ZeroWidthRun
        select body + trail;

    /// <summary>Every '-' independently kept or replaced by one of the mapped dash variants.</summary>
    public static Gen<string> Dash(string s) =>
        PerChar(s, c => c == '-' ? Gen.Elements([.. CharPools.Dashes, "-"]) : Gen.Constant(c.ToString()));

    /// <summary>All of the above at once, in an order that keeps each step meaningful.</summary>
    public static Gen<string> Combined(string s) =>
        from cased in Case(s)
        from dashed in Dash(cased)
        from spaced in Whitespace(dashed)
        from wide in FullWidth(spaced)
        from zeroWidth in ZeroWidth(wide)
        select zeroWidth;

    /// <summary>A random one of the variants above (including the identity).</summary>
    public static Gen<string> Any(string s) =>
        Gen.OneOf(Gen.Constant(s), Case(s), Whitespace(s), FullWidth(s), ZeroWidth(s), Dash(s), Combined(s));

    private static Gen<string> ZeroWidthRun =>
        from n in Gen.Choose(0, 2)
        from run in Gen.ArrayOf(Gen.Elements(CharPools.ZeroWidth), n)
        select string.Concat(run);

    private static Gen<string> Run(int min) =>
        from n in Gen.Frequency((3, Gen.Choose(min, Math.Max(min, 2))), (1, Gen.Choose(min, 12)))
        from run in Gen.ArrayOf(Gen.Elements(CharPools.Whitespace), n)
        select string.Concat(run);

    private static Gen<string> PerChar(string s, Func<char, Gen<string>> variant) =>
        Gen.CollectToArray(s, variant).Select(parts =>
        {
            var builder = new StringBuilder();
            foreach (var part in parts)
            {
                builder.Append(part);
            }

            return builder.ToString();
        });
}
