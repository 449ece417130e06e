namespace GoldenPayloads.Corpus;

/// <summary>The four stage endpoints of contract section 6; each has a folder of payloads.</summary>
public enum GoldenEndpoint
{
    /// <summary><c>POST /api/monte-carlo/simulate</c>: a read, array input. Folder <c>monte-carlo</c>.</summary>
    MonteCarlo,

    /// <summary><c>POST /api/portfolio/strategies</c>: a write, object input. Folder <c>strategies</c>.</summary>
    Strategies,

    /// <summary><c>POST /api/allocations</c>: a write, scalar input per item. Folder <c>allocations</c>.</summary>
    Allocations,

    /// <summary><c>GET /api/funds/{fundId}/companies?stage=</c>: a read, query input. Folder <c>companies</c>.</summary>
    Companies,
}
