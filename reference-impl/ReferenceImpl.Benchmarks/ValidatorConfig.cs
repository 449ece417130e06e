using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace ReferenceImpl.Benchmarks;

/// <summary>Mean, p99 and allocated bytes per operation, with ratios against the empty-call baseline.</summary>
public sealed class ValidatorConfig : ManualConfig
{
    public ValidatorConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.P95, new PercentileColumn("P99", 0.99));
        HideColumns(Column.Error, Column.StdDev, Column.Median, Column.RatioSD);
    }
}
