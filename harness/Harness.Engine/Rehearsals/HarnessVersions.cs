using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Harness.Engine.Reports;
using StageContract;

namespace Harness.Engine.Rehearsals;

/// <summary>Reads the versions a report records.</summary>
public static class HarnessVersions
{
    /// <summary>The informational version of Harness.Engine (without build metadata).</summary>
    public static string Harness { get; } =
        (typeof(HarnessVersions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>Versions for a report using <paramref name="rules"/> as the oracle.</summary>
    public static ReportVersions For(ContractRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var canonical = JsonSerializer.Serialize(rules.Data);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return new ReportVersions(Harness, rules.Data.Version, sha, RuntimeInformation.FrameworkDescription);
    }
}
