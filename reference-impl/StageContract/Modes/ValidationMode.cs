namespace StageContract.Modes;

/// <summary>A configured mode (global or per endpoint). The stored gauge value is the enum value.</summary>
public enum ValidationMode
{
    /// <summary>No validation effects.</summary>
    Off = 0,

    /// <summary>Serve, and flag unknown stages with the deprecation headers.</summary>
    Warn = 1,

    /// <summary>Reject unknown stages (inside the enforcement bucket).</summary>
    Enforce = 2,
}
