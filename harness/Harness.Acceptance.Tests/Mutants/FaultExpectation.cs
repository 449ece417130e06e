using ReferenceImpl.Api.Faults;

namespace Harness.Acceptance.Tests.Mutants;

/// <summary>One row of the mutation-score table: a catalogued fault, the phase it shows in, and the gates of the built-in plan that must catch it.</summary>
/// <param name="Fault">The fault (<c>FaultCatalogue.All</c>).</param>
/// <param name="Phase">The phase of the built-in plan whose run must be NO-GO.</param>
/// <param name="CaughtBy">Gate ids of that phase: each must Fail with the fault and Pass on the clean service.</param>
/// <param name="Why">Why those gates see it, in one line (the README's table).</param>
public sealed record FaultExpectation(Fault Fault, string Phase, IReadOnlyList<string> CaughtBy, string Why)
{
    public string Name => FaultCatalogue.Of(Fault).Name;

    public string ContractSection => FaultCatalogue.Of(Fault).ContractSection;
}

/// <summary>A catalogued fault caught by a drill gate, whose mutant run is a test of Harness.Cli.Tests.</summary>
/// <param name="Fault">The fault (<c>FaultCatalogue.All</c>).</param>
/// <param name="GateKind">The drill's gate kind, which must Fail with the fault and Pass on the clean service.</param>
/// <param name="TestClass">The Harness.Cli.Tests class that runs the drill against the fault and the clean service.</param>
/// <param name="Why">Why the drill sees it, in one line (the README's table).</param>
public sealed record DrillFaultExpectation(Fault Fault, string GateKind, string TestClass, string Why)
{
    public string Name => FaultCatalogue.Of(Fault).Name;

    public string ContractSection => FaultCatalogue.Of(Fault).ContractSection;
}
