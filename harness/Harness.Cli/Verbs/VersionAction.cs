using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using Harness.Engine.Rehearsals;
using Harness.Engine.Reports;
using StageContract;

namespace Harness.Cli.Verbs;

/// <summary>
/// <c>rehearse --version</c>: the harness's version, with the git commit it was built from when the build knew
/// it, and the version and SHA-256 of the contract data the oracle uses, as every report records them in
/// <c>versions</c>. Replaces System.CommandLine's own action, which prints the informational version alone.
/// </summary>
internal sealed class VersionAction(VerbContext context) : SynchronousCommandLineAction
{
    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        var informational = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        foreach (var line in Lines(informational, HarnessVersions.For(ContractRules.Default)))
        {
            context.Output.Out.WriteLine(line);
        }

        return ExitCodes.Go;
    }

    /// <summary>
    /// The lines printed: <c>rehearse 0.15.0 (commit 756050c…)</c>, <c>contract data v1 (sha256 …)</c> and the runtime.
    /// The SDK appends <c>+&lt;commit&gt;</c> to the informational version when it builds from a git checkout (a
    /// build from a source archive has none); other build metadata is printed as it is.
    /// </summary>
    public static IReadOnlyList<string> Lines(string informationalVersion, ReportVersions versions)
    {
        ArgumentNullException.ThrowIfNull(informationalVersion);
        ArgumentNullException.ThrowIfNull(versions);
        var harness = informationalVersion.Split('+', 2) is [var version, var metadata] && IsCommit(metadata)
            ? $"rehearse {version} (commit {metadata})"
            : $"rehearse {informationalVersion}";
        return
        [
            harness,
            $"contract data v{versions.ContractData} (sha256 {versions.ContractDataSha256})",
            $"runtime {versions.Runtime}",
        ];
    }

    private static bool IsCommit(string text) => text.Length is >= 7 and <= 64 && text.All(char.IsAsciiHexDigitLower);
}
