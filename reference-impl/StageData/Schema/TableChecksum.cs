namespace StageData.Schema;

/// <summary>Row count and content digest of one table.</summary>
public sealed record TableChecksum(string Table, long Rows, string Md5);
