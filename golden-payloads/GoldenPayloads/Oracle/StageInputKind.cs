namespace GoldenPayloads.Oracle;

/// <summary>How a request carries its stages (the <c>input_type</c> label of contract section 9).</summary>
public enum StageInputKind
{
    /// <summary>No stage input at all (e.g. the companies list without a <c>stage</c> filter).</summary>
    None,

    /// <summary>A list of <c>{stage, weight}</c>: rejected as <c>INVALID_STAGE_DISTRIBUTION</c>.</summary>
    Array,

    /// <summary>An object <c>{"&lt;stage&gt;": weight}</c>: rejected as <c>INVALID_STAGE</c>.</summary>
    Object,

    /// <summary>Scalar stage members (allocation items): rejected as <c>INVALID_STAGE</c>.</summary>
    Scalar,

    /// <summary>A query parameter: rejected as <c>INVALID_STAGE</c>.</summary>
    Query,
}
