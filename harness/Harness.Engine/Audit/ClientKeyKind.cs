namespace Harness.Engine.Audit;

/// <summary>What identifies a client in an access log.</summary>
public enum ClientKeyKind
{
    /// <summary>The remote address.</summary>
    Ip,

    /// <summary>The User-Agent header.</summary>
    UserAgent,

    /// <summary>A request header, for example an API key.</summary>
    Header,
}
