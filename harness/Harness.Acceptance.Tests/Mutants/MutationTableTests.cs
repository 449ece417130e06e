using Harness.Acceptance.Tests.Phases;
using Harness.Engine.Gates;
using ReferenceImpl.Api.Faults;

namespace Harness.Acceptance.Tests.Mutants;

/// <summary>The mutation-score table: one row per catalogued fault, naming real gates, and the harness README in step with it.</summary>
public sealed class MutationTableTests
{
    [Fact]
    public void Table_HoldsEveryCatalogueFaultOnce_InCatalogueOrder()
    {
        var tabled = MutationTable.All.Select(e => e.Fault).Concat(MutationTable.CaughtByDrills.Select(e => e.Fault)).ToHashSet();
        Assert.Equal(FaultCatalogue.All.Select(d => d.Fault), FaultCatalogue.All.Select(d => d.Fault).Where(tabled.Contains));
        Assert.Equal(FaultCatalogue.All.Count, MutationTable.All.Count + MutationTable.CaughtByDrills.Count);
        Assert.Equal(FaultCatalogue.All.Select(d => d.Fault).Where(f => MutationTable.All.Any(e => e.Fault == f)), MutationTable.All.Select(e => e.Fault));
    }

    [Fact]
    public void Table_NamesBlockingGatesOfThePhaseThatTheMutationRunsKeep()
    {
        Assert.All(MutationTable.All, e =>
        {
            var phase = BuiltInPhases.Named(e.Phase);
            Assert.NotEmpty(e.CaughtBy);
            Assert.All(e.CaughtBy, id =>
            {
                var gate = Assert.Single(phase.Gates, g => g.Id == id);
                Assert.True(gate.Blocking, $"{e.Name}: '{id}' is advisory in {e.Phase}; an advisory gate cannot catch anything");
                Assert.False(gate.Kind is GateKinds.MigrationRehearsal or GateKinds.MigrationVerify, $"{e.Name}: the mutation runs drop '{id}'");
            });
            Assert.False(string.IsNullOrWhiteSpace(e.Why));
        });
    }

    [Fact]
    public void HarnessReadme_ListsEveryFaultWithSectionPhaseAndCatchingGates()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "harness", "README.md"));
        Assert.All(MutationTable.All, e =>
            Assert.Contains($"| `{e.Name}` | {e.ContractSection} | `{e.Phase}` | {string.Join(", ", e.CaughtBy.Select(g => $"`{g}`"))} |", readme, StringComparison.Ordinal));
        Assert.All(MutationTable.CaughtByDrills, e =>
            Assert.Contains($"| `{e.Name}` | {e.ContractSection} | `{e.GateKind}` | `{e.TestClass}` |", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void DrillFaults_NameARegisteredDrillKindAndAnExistingTestClass()
    {
        var cliTests = Path.Combine(RepositoryRoot(), "harness", "Harness.Cli.Tests");
        Assert.All(MutationTable.CaughtByDrills, e =>
        {
            Assert.NotNull(Harness.Engine.Gates.BuiltInGates.Registry.Describe(e.GateKind));
            Assert.True(File.Exists(Path.Combine(cliTests, e.TestClass + ".cs")), $"{e.Name}: no harness/Harness.Cli.Tests/{e.TestClass}.cs");
            Assert.Contains(e.Name.Replace("-", "", StringComparison.Ordinal), File.ReadAllText(Path.Combine(cliTests, e.TestClass + ".cs")).Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "harness", "README.md")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("no harness/README.md above " + AppContext.BaseDirectory);
    }
}
