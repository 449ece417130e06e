namespace Harness.Cli;

/// <summary>
/// One exit code per cause. 0-2 are verdicts; 3 and above mean no verdict was reached, so a CI
/// step can treat <c>&gt;= 3</c> as "the harness could not judge" without knowing each cause.
/// </summary>
public static class ExitCodes
{
    /// <summary>Every blocking gate passed (or a non-rehearsal verb succeeded).</summary>
    public const int Go = 0;

    /// <summary>A blocking gate failed or could not be evaluated.</summary>
    public const int NoGo = 1;

    /// <summary>No blocking gate failed but some were inconclusive.</summary>
    public const int Hold = 2;

    /// <summary>Unknown option or verb, missing or bad value, unknown phase.</summary>
    public const int UsageError = 3;

    /// <summary>A plan or report file cannot be read or is invalid.</summary>
    public const int InputError = 4;

    /// <summary>The target does not answer at all.</summary>
    public const int TargetUnreachable = 5;

    /// <summary>The harness itself failed: the embedded service did not start, reports could not be written, a bug.</summary>
    public const int HarnessError = 6;
}
