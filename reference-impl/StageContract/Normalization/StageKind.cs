namespace StageContract.Normalization;

/// <summary>What a raw stage value is (contract section 1).</summary>
public enum StageKind : byte
{
    /// <summary>Already exactly a canonical stage name.</summary>
    Canonical,

    /// <summary>Normalizes to a canonical stage but was not written canonically.</summary>
    Alias,

    /// <summary>Not accepted; never defaulted to a stage.</summary>
    Unknown,
}
