using System.Globalization;
using Harness.Engine.Plans;

namespace Harness.Engine.Gates;

/// <summary>Turns a share of good observations into a result: Inconclusive below the minimum sample, else Pass or Fail against the threshold.</summary>
public static class Judgement
{
    /// <summary>Judges <paramref name="good"/> out of <paramref name="total"/>.</summary>
    public static GateResult Ratio(Threshold threshold, string measured, int good, int total, int minSamples, string what)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        var text = total == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * good / total:0.00}% ({good}/{total})");
        if (total < minSamples)
        {
            return new GateResult
            {
                Status = GateStatus.Inconclusive,
                Measured = measured,
                Value = total == 0 ? null : (double)good / total,
                ValueText = text,
                Threshold = threshold.Text,
                SampleSize = total,
                Reason = string.Create(CultureInfo.InvariantCulture, $"only {total} {what} observed, at least {minSamples} are needed to judge"),
            };
        }

        var value = (double)good / total;
        var pass = threshold.IsMetBy(value);
        return new GateResult
        {
            Status = pass ? GateStatus.Pass : GateStatus.Fail,
            Measured = measured,
            Value = value,
            ValueText = text,
            Threshold = threshold.Text,
            SampleSize = total,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"{good} of {total} {what} conform ({text.Split(' ')[0]}), threshold {threshold.Text}: {(pass ? "met" : "not met")}"),
        };
    }
}
