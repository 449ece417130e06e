using Properties.Tests.Generators;
using StageContract.Normalization;

namespace Properties.Tests.Normalization;

/// <summary>
/// Contract section 1 written the slow, obvious way: <see cref="StageNormalizer.Fold"/> then an
/// exact lookup in the data file's alias table. The normalizer's fast paths must agree with it on
/// every input. Deliberately independent of the normalizer's own lookup and fast paths: a second
/// reading of the contract catches bugs that a reading shared with the code under test would hide.
/// It shares only the data (the table under test) and the plain definition of steps 2-6.
/// </summary>
internal static class ReferenceNormalizer
{
    public readonly record struct Outcome(StageKind Kind, string? Canonical, UnknownReason Reason);

    public static Outcome Normalize(RawStage raw)
    {
        if (!raw.IsString)
        {
            return new(StageKind.Unknown, null, UnknownReason.NotAString);
        }

        if (raw.Value is null)
        {
            return new(StageKind.Unknown, null, UnknownReason.Missing);
        }

        if (HasLoneSurrogate(raw.Value))
        {
            return new(StageKind.Unknown, null, UnknownReason.InvalidUnicode);
        }

        var folded = StageNormalizer.Fold(raw.Value);
        if (folded is null)
        {
            return new(StageKind.Unknown, null, UnknownReason.Blank);
        }

        if (!Contract.StageOfKey.TryGetValue(folded, out var stage))
        {
            return new(StageKind.Unknown, null, UnknownReason.NotRecognized);
        }

        var kind = string.Equals(raw.Value, stage, StringComparison.Ordinal) ? StageKind.Canonical : StageKind.Alias;
        return new(kind, stage, UnknownReason.None);
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
