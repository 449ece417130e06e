using StageContract.Modes;

namespace ReferenceImpl.Api.ModeStore;

/// <summary>An audit entry as the API shows it.</summary>
public sealed record ModeChange(string Old, string New, string Actor, string Reason, DateTimeOffset Time, bool Persisted)
{
    public static ModeChange From(ModeAuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Old.ToWire(), entry.New.ToWire(), entry.Actor, entry.Reason, entry.Time, entry.Persisted);
    }
}
