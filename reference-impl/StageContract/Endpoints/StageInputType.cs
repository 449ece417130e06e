using System.Text.Json.Serialization;

namespace StageContract.Endpoints;

/// <summary>
/// How an endpoint takes its stage input (contract sections 5, 6 and 9). The wire label, written in
/// the data file and used as the <c>input_type</c> metric label, is the lower-case name
/// (<see cref="InputTypeLabels.ToLabel"/>).
/// </summary>
[JsonConverter(typeof(WireLabelConverter<StageInputType>))]
public enum StageInputType
{
    /// <summary>No stage input (a read by id); never validated, so never an <c>input_type</c> label.</summary>
    None,

    /// <summary>A list <c>[{stage, weight}]</c>; rejected as <c>INVALID_STAGE_DISTRIBUTION</c>.</summary>
    Array,

    /// <summary>An object <c>{"&lt;stage&gt;": weight}</c>; rejected as <c>INVALID_STAGE</c>.</summary>
    Object,

    /// <summary>A query parameter; rejected as <c>INVALID_STAGE</c>.</summary>
    Query,

    /// <summary>A scalar member (each allocation item's <c>stage</c>); rejected as <c>INVALID_STAGE</c>.</summary>
    Scalar,
}
