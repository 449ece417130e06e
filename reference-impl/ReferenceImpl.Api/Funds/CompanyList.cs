namespace ReferenceImpl.Api.Funds;

/// <summary>Response of the companies endpoint.</summary>
public sealed record CompanyList(long FundId, IReadOnlyList<string> Stages, IReadOnlyList<Company> Companies);
