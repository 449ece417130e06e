using Harness.Engine.Plans;

namespace Harness.Engine.Tests.Plans;

public sealed class ThresholdTests
{
    [Theory]
    [InlineData(">= 99%", ThresholdOperator.AtLeast, 0.99)]
    [InlineData("< 0.5%", ThresholdOperator.LessThan, 0.005)]
    [InlineData("<= 5ms", ThresholdOperator.AtMost, 0.005)]
    [InlineData("<=30s", ThresholdOperator.AtMost, 30)]
    [InlineData("< 800us", ThresholdOperator.LessThan, 0.0008)]
    [InlineData("== 0", ThresholdOperator.EqualTo, 0)]
    [InlineData("> 1e3", ThresholdOperator.GreaterThan, 1000)]
    public void TryParse_ValidText_GivesOperatorAndBaseUnits(string text, ThresholdOperator op, double value)
    {
        Assert.True(Threshold.TryParse(text, out var t, out _));
        Assert.Equal(op, t.Operator);
        Assert.Equal(value, t.Value, 12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("99%")]
    [InlineData(">= abc")]
    [InlineData("=> 5")]
    [InlineData(">= 5 apples")]
    [InlineData(">= NaN")]
    public void TryParse_BadText_GivesAReason(string text)
    {
        Assert.False(Threshold.TryParse(text, out _, out var error));
        Assert.Contains("threshold", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("== 100%", 1.0, true)]
    [InlineData("== 100%", 0.999, false)]
    [InlineData(">= 99%", 0.99, true)]
    [InlineData(">= 99%", 0.9899, false)]
    [InlineData("< 1%", 0.01, false)]
    [InlineData("<= 5ms", 0.005, true)]
    public void IsMetBy_ComparesInBaseUnits(string text, double measured, bool met) =>
        Assert.Equal(met, Threshold.Parse(text).IsMetBy(measured));

    [Fact]
    public void Parse_NormalizesSpacing() => Assert.Equal(">= 99%", Threshold.Parse(">=99%").Text);

    [Fact]
    public void Parse_UnderAnotherCulture_ReadsTheDotAsDecimalPoint()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(0.005, Threshold.Parse("< 0.5%").Value, 12);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
