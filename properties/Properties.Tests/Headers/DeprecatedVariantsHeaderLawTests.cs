using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ReferenceImpl.Api.Profiles;
using StageContract.Headers;
using StageContract.Normalization;

namespace Properties.Tests.Headers;

/// <summary>
/// Laws of <see cref="DeprecatedVariantsHeader"/> and <see cref="PercentDecoding"/>: every listing the
/// contract allows is accepted (any encoding, order, empty spelling, cut, whitespace after commas),
/// and a listing that leaves a value out, repeats one or miscounts is not.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
public sealed class DeprecatedVariantsHeaderLawTests
{
    private static readonly int MaxListed = Generators.Contract.Data.MaxListedVariants;

    [Property]
    public void PercentDecoding_AnyEncodingOfAValue_DecodesBackToIt(EncodedValue encoded)
    {
        Assert.Equal(encoded.Value, PercentDecoding.ToUtf8(encoded.Text));
        Assert.True(VariantSpelling.Spells(encoded.Text, RawStage.FromString(encoded.Value)), encoded.ToString());
    }

    [Property]
    public void Check_EveryProfilesFormatting_Conforms(Values values)
    {
        var raw = values.Raw.Select(RawStage.FromString).ToList();
        foreach (var style in new[] { VariantListStyle.Contract, ServiceProfile.Alternative.Variants })
        {
            var header = VariantList.Format(style, values.Raw, MaxListed);
            var problems = DeprecatedVariantsHeader.Check(header, raw, MaxListed);
            Assert.True(problems.Count == 0, $"{style}: {header}: {string.Join("; ", problems)}");
        }

        Assert.Empty(DeprecatedVariantsHeader.Check(Generators.Contract.Rules.Headers.FormatVariants(values.Raw), raw, MaxListed));
    }

    [Property]
    public void Check_AnyConformingListing_Conforms(Listing listing)
    {
        var problems = DeprecatedVariantsHeader.Check(listing.Header, listing.Raw, MaxListed);
        Assert.True(problems.Count == 0, $"{listing}: {string.Join("; ", problems)}");
    }

    [Property]
    public void Check_ListingWithAnItemLeftOut_IsAProblem(Listing listing)
    {
        var items = DeprecatedVariantsHeader.Items(listing.Header).ToList();
        if (items.Count == 1)
        {
            return; // no item left is the empty header, which lists the empty value
        }

        items.RemoveAt(0);
        Assert.NotEmpty(DeprecatedVariantsHeader.Check(string.Join(",", items), listing.Raw, MaxListed));
    }

    [Property]
    public void Check_ListingWithTheWrongCount_IsAProblem(Listing listing, PositiveInt extra)
    {
        var distinct = listing.Raw.Select(r => VariantSpelling.Of(r).Text).Distinct().Count();
        var items = DeprecatedVariantsHeader.Items(listing.Header).ToList();
        var wrong = distinct > MaxListed
            ? [.. items.Take(MaxListed), string.Create(CultureInfo.InvariantCulture, $"...(+{distinct - MaxListed + extra.Get})")]
            : items.Append(string.Create(CultureInfo.InvariantCulture, $"...(+{extra.Get})")).ToList();
        Assert.NotEmpty(DeprecatedVariantsHeader.Check(string.Join(",", wrong), listing.Raw, MaxListed));
    }

    [Property]
    public void Check_AnItemOutsideVisibleAscii_IsAProblem(Listing listing, bool space)
    {
        var items = DeprecatedVariantsHeader.Items(listing.Header).ToList();
        items[0] = "a" + (space ? " " : "\u00E9") + items[0];
        Assert.NotEmpty(DeprecatedVariantsHeader.Check(string.Join(",", items), listing.Raw, MaxListed));
    }

    /// <summary>A value and one of its percent-encodings: any bytes encoded, hex in either case.</summary>
    public sealed record EncodedValue(string Value, string Text)
    {
        public override string ToString() => $"{TextShrinker.Show(Value)} as {Text}";
    }

    /// <summary>Raw stage values of a request, repeats and header-breaking values included.</summary>
    public sealed record Values(IReadOnlyList<string> Raw)
    {
        public override string ToString() => $"[{string.Join(", ", Raw.Select(TextShrinker.Show))}]";
    }

    /// <summary>Unknown raw values and a listing of them the contract allows.</summary>
    public sealed record Listing(IReadOnlyList<RawStage> Raw, string Header)
    {
        public override string ToString() => $"[{string.Join(", ", Raw.Select(r => TextShrinker.Show(r.Display)))}] as {Header}";
    }

    public static class Arbitraries
    {
        /// <summary>Well-formed values (a lone surrogate has no UTF-8 spelling to decode back to), at most 300 characters.</summary>
        private static readonly Gen<string> Value = HostileText.Any.Where(v => v.Length <= 300 && StageNormalizer.IsWellFormed(v));

        public static Arbitrary<EncodedValue> Encoded() => Arb.From(
            from value in Value
            from seed in ArbMap.Default.GeneratorFor<int>()
            select new EncodedValue(value, Encode(value, new Random(seed), alwaysEncode: true)));

        public static Arbitrary<Values> RawValues() => Arb.From(
            from count in Gen.Frequency((3, Gen.Choose(1, MaxListed)), (1, Gen.Choose(MaxListed + 1, 25)))
            from distinct in Gen.ArrayOf(HostileText.Any.Where(v => v.Length <= 300), count)
            from repeated in Gen.SubListOf(distinct)
            from spoofs in Gen.SubListOf("...(+3)", ",", "%2C", "", "a,b", "\"\"")
            from values in Gen.Shuffle([.. distinct, .. repeated, .. spoofs])
            select new Values(values));

        public static Arbitrary<Listing> Listings() => Arb.From(
            from count in Gen.Frequency((3, Gen.Choose(1, MaxListed)), (1, Gen.Choose(MaxListed + 1, 20)))
            from strings in Gen.ArrayOf(Gen.Frequency((8, Value), (1, Gen.Constant("")), (1, Gen.Constant("...(+2)"))), count)
            from nulls in Gen.Choose(0, 1)
            from seed in ArbMap.Default.GeneratorFor<int>()
            select Build([.. strings.Select(RawStage.FromString), .. Enumerable.Repeat(RawStage.FromString(null), nulls)], new Random(seed)));

        /// <summary>A listing as some conforming service could write it: its own encoding, order, empty spelling, cut and whitespace.</summary>
        private static Listing Build(List<RawStage> raw, Random random)
        {
            // Values with the same text are one value to a client (null and "null", 42 and "42").
            var distinct = raw.DistinctBy(r => VariantSpelling.Of(r).Text).OrderBy(_ => random.Next()).ToList();
            var cut = random.Next(3) == 0 ? (int?)null : random.Next(VariantSpelling.MinimumCutBytes, 80);
            var marker = random.Next(2) == 0 ? VariantSpelling.CutMarker : "";
            var items = distinct.Take(MaxListed).Select(r => Item(r, cut, marker, random)).ToList();
            if (distinct.Count > MaxListed)
            {
                items.Add(string.Create(CultureInfo.InvariantCulture, $"...(+{distinct.Count - MaxListed})"));
            }

            var separator = random.Next(3) switch { 0 => ",", 1 => ", ", _ => " ,\t" };
            return new Listing(raw, string.Join(separator, items));
        }

        private static string Item(RawStage raw, int? cut, string marker, Random random)
        {
            var text = raw.Value ?? (random.Next(2) == 0 ? "null" : "");
            if (text.Length == 0)
            {
                return random.Next(2) == 0 ? "\"\"" : "";
            }

            var cutHere = cut is { } c && text.Length > c && !char.IsHighSurrogate(text[c - 1]);
            var kept = cutHere ? text[..cut!.Value] : text;
            var visible = !kept.AsSpan().ContainsAnyExceptInRange('!', '~') && !kept.Contains(',', StringComparison.Ordinal);
            var encoded = visible && random.Next(2) == 0 ? kept : Encode(kept, random, alwaysEncode: false);
            return cutHere ? encoded + marker : encoded;
        }

        /// <summary>Percent-encodes every byte that must be (outside visible ASCII, ',' and '%') and a random share of the others, in random hex case.</summary>
        private static string Encode(string value, Random random, bool alwaysEncode)
        {
            var builder = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(value))
            {
                var must = b is < 0x21 or > 0x7E or (byte)',' or (byte)'%';
                if (must || (alwaysEncode && random.Next(3) == 0) || random.Next(4) == 0)
                {
                    builder.Append('%').Append(b.ToString(random.Next(2) == 0 ? "X2" : "x2", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append((char)b);
                }
            }

            return builder.ToString();
        }
    }
}
