namespace GoldenPayloads.Modes;

/// <summary>The five configurations every payload is run under (contract sections 3 and 11).</summary>
public enum GoldenMode
{
    /// <summary>Global mode off.</summary>
    Off,

    /// <summary>Global mode warn.</summary>
    Warn,

    /// <summary>Global mode warn with dry run: effective mode shadow.</summary>
    Shadow,

    /// <summary>Global mode enforce at 100 percent.</summary>
    Enforce,

    /// <summary>Global mode warn with <c>enforceWriteOnly</c>: writes enforced, reads warned.</summary>
    WriteOnly,
}
