namespace Scenarios.Catalogue;

/// <summary>Which stage endpoints a step's requests go to (contract section 3 step 2: writes are POST, PUT and PATCH on the write routes).</summary>
public enum EndpointSelection
{
    /// <summary>Every endpoint that takes stages.</summary>
    All,

    /// <summary>Reads only.</summary>
    Reads,

    /// <summary>Writes only.</summary>
    Writes,
}
