namespace StageContract.Modes;

/// <summary>The mode one request is actually handled in (contract section 3).</summary>
public enum EffectiveMode
{
    /// <summary>No validation effects.</summary>
    Off,

    /// <summary>Deprecation headers on unknown stages.</summary>
    Warn,

    /// <summary>Warn plus would-reject headers (dry run).</summary>
    Shadow,

    /// <summary>Unknown stages are rejected.</summary>
    Enforce,
}
