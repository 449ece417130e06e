using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using StageContract.Modes;

namespace Properties.Tests.Modes;

/// <summary>
/// Contract section 3, steps 1-4, written from the contract text (write routes included), to
/// compare the decider against. Methods compare case-insensitively, as ASP.NET Core routing does.
/// Deliberately independent of StageContract and of the data file's endpoint list, from which the
/// decider derives its write rule: a second reading of the contract catches bugs that a reading
/// shared with the code under test would hide. Keep it written from the contract text.
/// </summary>
internal static class ReferenceDecision
{
    public static readonly string[] WriteRoutes =
        ["/api/portfolio/strategies", "/api/portfolio/strategies/{id}", "/api/allocations", "/api/allocations/{id}"];

    public static readonly string[] WriteMethods = ["POST", "PUT", "PATCH"];

    public static bool IsWrite(string method, string route) =>
        WriteRoutes.Contains(route, StringComparer.Ordinal) && WriteMethods.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>uint32 big-endian of the first 4 bytes of SHA-256(UTF-8 id), mod 100.</summary>
    public static int Bucket(string requestId) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(requestId))) % 100);

    /// <summary>The configured mode after steps 1 and 2 (before the bucket and dry run).</summary>
    public static ValidationMode ModeBeforeBucket(ModeSettings settings, string method, string route)
    {
        var m = settings.Overrides.TryGetValue(route, out var overridden) ? overridden : settings.GlobalMode;
        if (settings.EnforceWriteOnly)
        {
            var write = IsWrite(method, route);
            if (write && m == ValidationMode.Warn)
            {
                m = ValidationMode.Enforce;
            }
            else if (!write && m == ValidationMode.Enforce)
            {
                m = ValidationMode.Warn;
            }
        }

        return m;
    }

    public static EffectiveMode Decide(ModeSettings settings, string method, string route, string requestId)
    {
        var m = ModeBeforeBucket(settings, method, route);
        if (m == ValidationMode.Enforce && Bucket(requestId) >= Math.Clamp(settings.EnforcementPercent, 0, 100))
        {
            m = ValidationMode.Warn;
        }

        return m switch
        {
            ValidationMode.Off => EffectiveMode.Off,
            ValidationMode.Warn when settings.DryRun => EffectiveMode.Shadow,
            ValidationMode.Warn => EffectiveMode.Warn,
            _ => EffectiveMode.Enforce,
        };
    }
}
