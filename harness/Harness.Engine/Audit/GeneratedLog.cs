namespace Harness.Engine.Audit;

/// <summary>The truth about a generated log.</summary>
/// <param name="OffenderStageRequests">The offender's validated stage requests (its writes too, in JSON lines, where they carry their body).</param>
/// <param name="OffenderUnknown">Of those, the ones with an unknown stage.</param>
/// <param name="Unclassified">Writes without a body in the log (combined format).</param>
/// <param name="Malformed">Malformed lines written.</param>
public sealed record GeneratedLog(long OffenderStageRequests, long OffenderUnknown, long Unclassified, long Malformed);
