using StageContract.Modes;

namespace StageContract.Outcomes;

/// <summary>Contract section 4: what a request's stages mean in its effective mode.</summary>
public static class OutcomeTable
{
    /// <summary>The result label for a request.</summary>
    public static ValidationResult Classify(EffectiveMode mode, bool anyUnknown, bool usedAlias) =>
        !anyUnknown
            ? usedAlias ? ValidationResult.Normalized : ValidationResult.Ok
            : mode switch
            {
                EffectiveMode.Off => ValidationResult.Pass,
                EffectiveMode.Warn => ValidationResult.Warn,
                EffectiveMode.Shadow => ValidationResult.WouldReject,
                _ => ValidationResult.Reject,
            };

    /// <summary>True when the deprecation header set is sent.</summary>
    public static bool EmitsDeprecation(this ValidationResult result) =>
        result is ValidationResult.Warn or ValidationResult.WouldReject;

    /// <summary>True when the request is rejected with 400.</summary>
    public static bool Rejects(this ValidationResult result) => result == ValidationResult.Reject;

    /// <summary>The metric label value.</summary>
    public static string ToLabel(this ValidationResult result) => result switch
    {
        ValidationResult.Ok => "ok",
        ValidationResult.Normalized => "normalized",
        ValidationResult.Pass => "pass",
        ValidationResult.Warn => "warn",
        ValidationResult.WouldReject => "would_reject",
        ValidationResult.Reject => "reject",
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };
}
