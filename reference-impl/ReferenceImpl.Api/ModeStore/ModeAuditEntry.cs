using StageContract.Modes;

namespace ReferenceImpl.Api.ModeStore;

/// <summary>One mode change (contract section 7).</summary>
public sealed record ModeAuditEntry(ValidationMode Old, ValidationMode New, string Actor, string Reason, DateTimeOffset Time, bool Persisted);
