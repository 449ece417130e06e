using System.Text.Json.Serialization;

namespace StageContract.Endpoints;

/// <summary>Whether a request to an endpoint is a read or a write (contract section 3, step 2); wire labels <c>read</c>, <c>write</c>.</summary>
[JsonConverter(typeof(WireLabelConverter<EndpointKind>))]
public enum EndpointKind
{
    /// <summary>A read: in write-only enforcement, enforce becomes warn.</summary>
    Read,

    /// <summary>A write: in write-only enforcement, warn becomes enforce.</summary>
    Write,
}
