using System.Globalization;
using StageContract.Modes;

namespace Harness.Engine.Targets;

/// <summary>Request ids chosen for their enforcement bucket (contract section 3), so that probes land on either side of a percent.</summary>
public static class BucketIds
{
    /// <summary>The first id <c>{prefix}-{n}</c> whose bucket is <paramref name="bucket"/> (0-99); about a hundred hashes on average.</summary>
    public static string For(int bucket, string prefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bucket, 99);
        for (var n = 0; ; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n}");
            if (EnforcementBucket.Of(id) == bucket)
            {
                return id;
            }
        }
    }
}
