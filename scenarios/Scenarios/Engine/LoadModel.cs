namespace Scenarios.Engine;

/// <summary>How requests arrive in a step.</summary>
public abstract record LoadModel
{
    /// <summary>Open model: requests arrive on a schedule, whatever the target does; the rate ramps linearly from <paramref name="StartRate"/> to <paramref name="EndRate"/> (equal for a constant rate).</summary>
    public sealed record Open(double StartRate, double EndRate) : LoadModel
    {
        /// <summary>A constant arrival rate.</summary>
        public static Open Constant(double rate) => new(rate, rate);
    }

    /// <summary>Closed model: <paramref name="Concurrency"/> workers each send the next request when the last one is answered.</summary>
    public sealed record Closed(int Concurrency) : LoadModel;
}
