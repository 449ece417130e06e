namespace StageContract.Outcomes;

/// <summary>The <c>result</c> label of contract sections 4 and 9.</summary>
public enum ValidationResult
{
    /// <summary>Every stage canonical.</summary>
    Ok,

    /// <summary>Valid, with at least one alias.</summary>
    Normalized,

    /// <summary>An unknown stage served in off.</summary>
    Pass,

    /// <summary>An unknown stage served in warn.</summary>
    Warn,

    /// <summary>An unknown stage served in shadow.</summary>
    WouldReject,

    /// <summary>An unknown stage rejected in enforce.</summary>
    Reject,
}
