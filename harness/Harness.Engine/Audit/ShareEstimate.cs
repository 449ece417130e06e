namespace Harness.Engine.Audit;

/// <summary>A share of validated requests with its Wilson score interval.</summary>
/// <param name="Events">Requests counted.</param>
/// <param name="Trials">Validated requests.</param>
/// <param name="Share">Events / trials (0 without trials).</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end of the interval.</param>
public sealed record ShareEstimate(long Events, long Trials, double Share, double Low, double High)
{
    /// <summary>The estimate of <paramref name="events"/> out of <paramref name="trials"/> at normal quantile <paramref name="z"/>.</summary>
    public static ShareEstimate Of(long events, long trials, double z)
    {
        var (low, high) = Gates.Statistics.Proportions.Wilson(events, trials, z);
        return new ShareEstimate(events, trials, trials == 0 ? 0 : (double)events / trials, low, high);
    }
}
