namespace Harness.Engine.Requests;

/// <summary>How an endpoint takes its stage input (the <c>input_type</c> label of contract section 9).</summary>
public enum StageInputType
{
    /// <summary><c>stageDistribution: [{stage, weight}]</c>.</summary>
    Array,

    /// <summary><c>stageAllocation: {"&lt;stage&gt;": weight}</c>.</summary>
    Object,

    /// <summary><c>?stage=</c>.</summary>
    Query,

    /// <summary>Each item's <c>stage</c>.</summary>
    Scalar,
}
