using StageContract.Headers;
using StageContract.Normalization;

namespace Properties.Tests.Headers;

/// <summary>Examples of <see cref="DeprecatedVariantsHeader"/>: the header judged by meaning (contract section 4).</summary>
public sealed class DeprecatedVariantsHeaderTests
{
    private const int Max = 10;

    [Theory]
    [InlineData("seriesc,series%20-%20a,%D0%85eed")] // the default profile
    [InlineData("series%20-%20a,seriesc,%d0%85eed")] // the alternative: sorted, lower-case hex
    [InlineData("%73eriesc , series%20-%20a,\t%D0%85eed")] // any characters encoded; OWS around commas
    public void Check_AnyValidSpellingInAnyOrder_Conforms(string header)
    {
        Assert.Empty(Check(header, "seriesc", "series - a", "\u0405eed"));
    }

    [Theory]
    [InlineData("series-c++")]
    [InlineData("series-c%2B%2B")]
    [InlineData("series-c%2b%2B")]
    public void Check_PlusEncodedOrNot_Conforms(string header)
    {
        Assert.Empty(Check(header, "series-c++"));
    }

    [Theory]
    [InlineData("growth,\"\"")]
    [InlineData("growth,")]
    [InlineData(",growth")]
    [InlineData("\"\", growth")]
    public void Check_EmptyValueAsQuotesOrNothing_Conforms(string header)
    {
        Assert.Empty(Check(header, "growth", ""));
    }

    [Fact]
    public void Check_OnlyTheEmptyValueListedAsNothing_Conforms()
    {
        Assert.Empty(Check("", ""));
        Assert.Empty(Check("\"\"", ""));
    }

    [Theory]
    [InlineData("null,42")]
    [InlineData(",42")]
    [InlineData("42,%6E%75%6C%6C")]
    public void Check_NullAndNonStrings_AsSentOrNothing_Conform(string header)
    {
        var values = new[] { RawStage.FromString(null), RawStage.NotAString("42") };
        Assert.Empty(DeprecatedVariantsHeader.Check(header, values, Max));
    }

    [Fact]
    public void Check_ValuesWithTheSameText_AreOneValue()
    {
        var values = new[] { RawStage.FromString(null), RawStage.FromString("null"), RawStage.NotAString("42"), RawStage.FromString("42") };
        Assert.Empty(DeprecatedVariantsHeader.Check("null,42", values, Max));
        Assert.NotEmpty(DeprecatedVariantsHeader.Check("null,null,42,42", values, Max));
    }

    [Fact]
    public void Check_StringNull_IsNotNothing()
    {
        Assert.NotEmpty(Check("", "null"));
    }

    [Theory]
    [InlineData(64, "...")] // the default profile
    [InlineData(40, "")] // the alternative
    [InlineData(16, "...")]
    [InlineData(199, "")]
    public void Check_LongValueCut_Conforms(int length, string marker)
    {
        var value = new string('x', 200);
        Assert.Empty(Check(value[..length] + marker, value));
    }

    [Fact]
    public void Check_EncodedValueCutInsideAnEscape_Conforms()
    {
        var value = new string('\u00E9', 30);
        Assert.Empty(Check(string.Concat(Enumerable.Repeat("%C3%A9", 10)) + "%C", value));
    }

    [Theory]
    [InlineData("xxxxxxxxxxxxxxx...")] // 15 characters: too short to say which value
    [InlineData("xxxxxxxxxxxxxxx")]
    [InlineData("yxxxxxxxxxxxxxxxxxxx...")] // not a prefix
    public void Check_CutTooShortOrNotAPrefix_IsAProblem(string header)
    {
        Assert.NotEmpty(Check(header, new string('x', 200)));
    }

    [Fact]
    public void Check_ShortValueCut_IsAProblem()
    {
        Assert.NotEmpty(Check("sixteen-bytes-x...", "sixteen-bytes-xx"));
        Assert.NotEmpty(Check("sixteen-bytes-x", "sixteen-bytes-xx"));
    }

    [Fact]
    public void Check_TwoLongValuesWithTheSameCut_Conform()
    {
        var a = new string('x', 100) + "a";
        var b = new string('x', 100) + "b";
        Assert.Empty(Check(new string('x', 64) + "...," + new string('x', 64) + "...", a, b));
    }

    [Fact]
    public void Check_MoreThanTheLimit_ListsTheLimitThenTheRightCount()
    {
        var values = Enumerable.Range(0, 13).Select(i => $"v{i}").ToArray();
        Assert.Empty(Check(string.Join(",", values.Skip(3)) + ",...(+3)", values));
        Assert.Contains("ends with '...(+2)'", Assert.Single(Check(string.Join(",", values.Take(10)) + ",...(+2)", values)), StringComparison.Ordinal);
        Assert.NotEmpty(Check(string.Join(",", values), values));
        Assert.NotEmpty(Check(string.Join(",", values.Take(9)) + ",...(+4)", values));
    }

    [Fact]
    public void Check_ExactlyTheLimit_ListsAllWithoutACount()
    {
        var values = Enumerable.Range(0, 10).Select(i => $"v{i}").ToArray();
        Assert.Empty(Check(string.Join(",", values), values));
        Assert.NotEmpty(Check(string.Join(",", values) + ",...(+0)", values));
    }

    [Fact]
    public void Check_RepeatedValuesInTheRequest_AreListedOnce()
    {
        Assert.Empty(Check("growth", "growth", "growth"));
        Assert.NotEmpty(Check("growth,growth", "growth", "growth"));
    }

    [Fact]
    public void Check_AValueListedTwiceInsteadOfAnother_NamesBoth()
    {
        var problems = Check("growth,growth", "growth", "angel");
        Assert.Contains(problems, p => p.Contains("already lists", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("does not list the unknown value 'angel'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a,b", "a,b")] // the comma splits the value
    [InlineData("a b", "a b")] // a space inside an item
    [InlineData("a\u00E9", "a\u00E9")] // not ASCII
    [InlineData("a%2Cb,x", "a,b")] // one item too many
    public void Check_BrokenOrUnencodedItems_AreProblems(string header, string value)
    {
        Assert.NotEmpty(Check(header, value));
    }

    [Fact]
    public void Check_CommaValueEncoded_Conforms()
    {
        Assert.Empty(Check("a%2Cb", "a,b"));
        Assert.Empty(Check("a%2cb", "a,b"));
    }

    [Fact]
    public void Check_LoneSurrogate_AsTheReplacementCharacter_Conforms()
    {
        Assert.Empty(Check("%EF%BF%BDseed", "\uD800seed"));
    }

    [Fact]
    public void Check_PercentValueListedAsSentOrEncoded_Conforms()
    {
        Assert.Empty(Check("%41%42", "%41%42"));
        Assert.Empty(Check("%2541%2542", "%41%42"));
        Assert.NotEmpty(Check("AB", "%41%42"));
    }

    [Fact]
    public void Check_Absent_IsAProblem()
    {
        Assert.Equal(["absent"], DeprecatedVariantsHeader.Check(null, [RawStage.FromString("growth")], Max));
    }

    [Fact]
    public void Items_TrimOptionalWhitespaceOnly()
    {
        Assert.Equal(["a", "b", "", "c d"], DeprecatedVariantsHeader.Items(" a ,\tb, ,c d"));
    }

    [Theory]
    [InlineData("%E2%80%8b", "\u200B")]
    [InlineData("plain", "plain")]
    [InlineData("%2B%2b+", "+++")]
    public void PercentDecoding_ToUtf8_DecodesAnyHexCase(string text, string expected)
    {
        Assert.Equal(expected, PercentDecoding.ToUtf8(text));
    }

    [Theory]
    [InlineData("%G1")]
    [InlineData("ab%4")]
    [InlineData("%FF")] // not UTF-8
    [InlineData("\u00E9")]
    public void PercentDecoding_ToUtf8_UndecodableIsNull(string text)
    {
        Assert.Null(PercentDecoding.ToUtf8(text));
    }

    [Fact]
    public void PercentDecoding_ToBytes_CutEscapeOnlyWhenAllowed()
    {
        Assert.Null(PercentDecoding.ToBytes("ab%4"));
        Assert.Equal("ab"u8.ToArray(), PercentDecoding.ToBytes("ab%4", allowCutEscape: true));
        Assert.Equal("ab"u8.ToArray(), PercentDecoding.ToBytes("ab%", allowCutEscape: true));
        Assert.Null(PercentDecoding.ToBytes("ab%G", allowCutEscape: true));
    }

    private static IReadOnlyList<string> Check(string header, params string[] values) =>
        DeprecatedVariantsHeader.Check(header, values.Select(RawStage.FromString), Max);
}
