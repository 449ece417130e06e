using System.Reflection;
using System.Text.Json;
using Harness.Engine.Rehearsals;
using Xunit.Abstractions;

namespace Harness.Cli.Tests.ToolPackage;

/// <summary>
/// Packs the CLI as the README says, installs the package with <c>dotnet tool install --tool-path</c> from a
/// folder feed, and runs the installed tool where a team runs it: from the tool store, in a folder that is not
/// the repository, so anything it read relative to the repository or the build output would be missing.
/// </summary>
[Collection(ToolPackaging.Name)]
public sealed class ToolPackageTests(ITestOutputHelper log)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private const string GoldenOnlyPlan = """
        version: 1
        phases:
          - name: golden-only
            description: The golden corpus against the embedded reference in warn, run by the installed tool.
            configuration:
              mode: warn
            gates:
              - id: golden
                kind: golden-conformance
                threshold: "== 100%"
        """;

    [Fact]
    public async Task PackedTool_InstalledWithToolPath_RunsFromItsToolStore()
    {
        var root = RepositoryRoot.Find();
        var version = HarnessVersions.Harness;
        var scratch = Directory.CreateTempSubdirectory("rehearse-tool-");
        try
        {
            var feed = Path.Combine(scratch.FullName, "feed");
            var tools = Path.Combine(scratch.FullName, "tools");
            var work = Directory.CreateDirectory(Path.Combine(scratch.FullName, "work")).FullName;

            // The test's own configuration, so that under run-tests (Release, already built) packing is incremental.
            var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var pack = await ChildProcess.RunAsync(ChildProcess.Dotnet,
                ["pack", Path.Combine(root, "harness", "Harness.Cli", "Harness.Cli.csproj"), "-c", configuration, "-o", feed, "-nologo", "--disable-build-servers"],
                root, BuildTimeout);
            Assert.True(pack.ExitCode == 0, pack.Describe("dotnet pack"));
            Assert.True(File.Exists(Path.Combine(feed, $"rehearse.{version}.nupkg")),
                $"no rehearse.{version}.nupkg in the feed; it holds: {string.Join(", ", Directory.GetFiles(feed).Select(Path.GetFileName))}");

            // Only the folder feed: the install must not ask nuget.org for a package named rehearse (not ours
            // there), and a tool package has no dependencies to restore, so the install works offline.
            var config = Path.Combine(scratch.FullName, "nuget.config");
            await File.WriteAllTextAsync(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
            var install = await ChildProcess.RunAsync(ChildProcess.Dotnet,
                ["tool", "install", "--tool-path", tools, "--add-source", feed, "--configfile", config, "rehearse", "--version", version],
                work, BuildTimeout);
            Assert.True(install.ExitCode == 0, install.Describe("dotnet tool install"));

            var rehearse = Path.Combine(tools, "rehearse");
            var phases = await ChildProcess.RunAsync(rehearse, ["phases"], work, RunTimeout);
            Assert.True(phases.ExitCode == 0, phases.Describe("rehearse phases"));
            Assert.Contains("plan: built-in", phases.Stdout, StringComparison.Ordinal);
            Assert.Contains("enforce-25:", phases.Stdout, StringComparison.Ordinal);

            var versionRun = await ChildProcess.RunAsync(rehearse, ["--version"], work, RunTimeout);
            Assert.True(versionRun.ExitCode == 0, versionRun.Describe("rehearse --version"));
            Assert.StartsWith($"rehearse {version}", versionRun.Stdout, StringComparison.Ordinal);
            Assert.Contains("contract data v", versionRun.Stdout, StringComparison.Ordinal);

            // What the tool reads from its own folder in the store: the migration tool and the golden corpus.
            var store = Path.GetDirectoryName(Directory.GetFiles(Path.Combine(tools, ".store"), "rehearse.dll", SearchOption.AllDirectories).Single())!;
            var migrate = await ChildProcess.RunAsync(ChildProcess.Dotnet, [Path.Combine(store, "stage-migrate.dll"), "--help"], work, RunTimeout);
            Assert.True(migrate.ExitCode == 0, migrate.Describe("dotnet stage-migrate.dll --help (from the tool store)"));

            var corpus = Directory.GetFiles(Path.Combine(root, "golden-payloads", "payloads"), "*.json", SearchOption.AllDirectories).Length;
            await File.WriteAllTextAsync(Path.Combine(work, "golden-only.yaml"), GoldenOnlyPlan);
            var golden = await ChildProcess.RunAsync(rehearse,
                ["--plan", "golden-only.yaml", "--phase", "golden-only", "--stores", "memory", "--out", "out"], work, RunTimeout);
            Assert.True(golden.ExitCode == ExitCodes.Go, golden.Describe("rehearse --phase golden-only (installed tool, embedded target)"));
            using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(work, "out", "report.json"))))
            {
                var gate = report.RootElement.GetProperty("gates").EnumerateArray().Single(g => g.GetProperty("id").GetString() == "golden");
                Assert.Equal("Pass", gate.GetProperty("status").GetString());
                Assert.Equal(corpus, gate.GetProperty("sampleSize").GetInt32());
                Assert.Equal(version, report.RootElement.GetProperty("versions").GetProperty("harness").GetString());
            }

            foreach (var file in new[] { "junit.xml", "report.md", "report.html", Path.Combine("observability", "stage-validation.rules.yml"), Path.Combine("observability", "stage-validation.dashboard.json") })
            {
                Assert.True(File.Exists(Path.Combine(work, "out", file)), $"the installed tool wrote no {file}");
            }

            log.WriteLine($"dotnet pack {pack.Elapsed.TotalSeconds:F1} s, dotnet tool install {install.Elapsed.TotalSeconds:F1} s, "
                + $"rehearse phases {phases.Elapsed.TotalSeconds:F1} s, rehearse --version {versionRun.Elapsed.TotalSeconds:F1} s, "
                + $"stage-migrate --help {migrate.Elapsed.TotalSeconds:F1} s, golden-only phase {golden.Elapsed.TotalSeconds:F1} s; "
                + $"package {new FileInfo(Path.Combine(feed, $"rehearse.{version}.nupkg")).Length / 1_000_000.0:F1} MB");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }
}
