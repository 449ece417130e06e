namespace Harness.Engine.Reports;

/// <summary>Versions recorded in a report.</summary>
/// <param name="Harness">Informational version of Harness.Engine.</param>
/// <param name="ContractData">Schema version of <c>stage-contract.json</c>.</param>
/// <param name="ContractDataSha256">SHA-256 of the contract data the oracle used, or empty when unknown.</param>
/// <param name="Runtime">The .NET runtime description.</param>
public sealed record ReportVersions(string Harness, int ContractData, string ContractDataSha256, string Runtime);
