namespace Harness.Engine.Verdicts;

/// <summary>The decision on a phase.</summary>
public enum Verdict
{
    /// <summary>Every blocking gate passed.</summary>
    Go,

    /// <summary>A blocking gate failed or could not be evaluated.</summary>
    NoGo,

    /// <summary>No blocking gate failed, but some had too little data to judge.</summary>
    Hold,
}
