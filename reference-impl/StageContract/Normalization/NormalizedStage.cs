namespace StageContract.Normalization;

/// <summary>The result of <see cref="StageNormalizer.Normalize(RawStage)"/>.</summary>
/// <param name="Kind">Canonical, alias or unknown.</param>
/// <param name="StageIndex">Index into the canonical stage list; -1 when unknown.</param>
/// <param name="Canonical">The canonical stage name; null when unknown.</param>
/// <param name="Raw">The input as it arrived.</param>
/// <param name="Reason">Why it is unknown; <see cref="UnknownReason.None"/> otherwise.</param>
public readonly record struct NormalizedStage(StageKind Kind, int StageIndex, string? Canonical, RawStage Raw, UnknownReason Reason)
{
    /// <summary>True for canonical and alias values.</summary>
    public bool IsKnown => Kind != StageKind.Unknown;

    internal static NormalizedStage Unknown(RawStage raw, UnknownReason reason) => new(StageKind.Unknown, -1, null, raw, reason);
}
