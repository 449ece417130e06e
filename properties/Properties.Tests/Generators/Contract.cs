using StageContract;
using StageContract.Data;

namespace Properties.Tests.Generators;

/// <summary>
/// The rules and data under test, read from the data file shipped with StageContract, so that a
/// team that edits the data file gets every law checked against its own table.
/// </summary>
internal static class Contract
{
    public static ContractRules Rules { get; } = ContractRules.Default;

    public static StageContractData Data => Rules.Data;

    public static IReadOnlyList<string> Stages => Data.Stages;

    /// <summary>Every accepted key with its canonical stage, in stage order then table order.</summary>
    public static IReadOnlyList<(string Key, string Stage)> AliasKeys { get; } =
        [.. Data.Stages.SelectMany(s => Data.Aliases[s].Select(k => (k, s)))];

    public static IReadOnlyDictionary<string, string> StageOfKey { get; } =
        AliasKeys.ToDictionary(p => p.Key, p => p.Stage, StringComparer.Ordinal);

    public static string[] Keys { get; } = [.. AliasKeys.Select(p => p.Key)];

    public static string[] DeliberatelyUnknown { get; } = [.. Data.DeliberatelyUnknown];

    public static int IndexOf(string stage) => Data.Stages.ToList().IndexOf(stage);
}
