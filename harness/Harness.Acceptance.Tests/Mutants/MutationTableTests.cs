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
        Assert.Equal(FaultCatalogue.All.Select(d => d.Fault), MutationTable.All.Select(e => e.Fault));
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
