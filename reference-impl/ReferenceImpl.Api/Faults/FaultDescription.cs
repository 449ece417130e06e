namespace ReferenceImpl.Api.Faults;

/// <summary>One entry of <see cref="FaultCatalogue"/>.</summary>
/// <param name="Fault">The fault.</param>
/// <param name="Name">Its kebab-case name in <c>STAGE_FAULTS</c>.</param>
/// <param name="ContractSection">The section of contract.md whose rule it breaks, for example "4".</param>
/// <param name="Description">What breaks, in one line.</param>
/// <param name="Place">The one place that implements it.</param>
public sealed record FaultDescription(Fault Fault, string Name, string ContractSection, string Description, string Place);
