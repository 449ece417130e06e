using System.Security.Cryptography;
using System.Text;

namespace StageData.Schema;

/// <summary>One versioned schema script, <c>V{version}__{name}.sql</c>.</summary>
public sealed record SchemaScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script text; an applied script whose text changed stops start-up.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
