namespace Harness.Cli;

/// <summary>
/// Exit codes (the README's table): 0-2 are verdicts; 3 means no verdict was reached. Every cause
/// of a 3 (unknown option or phase, unreadable plan or report, unreachable target, a harness
/// failure) also prints exactly one line on standard error that names it.
/// </summary>
public static class ExitCodes
{
    /// <summary>Every blocking gate passed (or a verb other than a rehearsal succeeded).</summary>
    public const int Go = 0;

    /// <summary>A blocking gate failed or could not be evaluated.</summary>
    public const int NoGo = 1;

    /// <summary>No blocking gate failed but some were inconclusive.</summary>
    public const int Hold = 2;

    /// <summary>No verdict: a usage error, an unreadable or invalid plan or report, an unreachable target, or a harness failure.</summary>
    public const int HarnessOrUsageError = 3;
}
