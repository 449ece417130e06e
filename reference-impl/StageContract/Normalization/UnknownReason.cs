namespace StageContract.Normalization;

/// <summary>Why a value is Unknown.</summary>
public enum UnknownReason : byte
{
    /// <summary>The value is not unknown.</summary>
    None,

    /// <summary>null or absent.</summary>
    Missing,

    /// <summary>A JSON value that is not a string (number, object, array, boolean).</summary>
    NotAString,

    /// <summary>Empty, whitespace-only, or only dropped characters.</summary>
    Blank,

    /// <summary>Holds an unpaired surrogate, which no normalization form accepts.</summary>
    InvalidUnicode,

    /// <summary>Normalized, then not found in the alias table.</summary>
    NotRecognized,
}
