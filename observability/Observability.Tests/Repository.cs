namespace Observability.Tests;

/// <summary>Paths in this repository, found from the test's own directory.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>observability/rules/stage-validation.rules.yml.</summary>
    public static string RuleFile => Path.Combine(Root, "observability", "rules", "stage-validation.rules.yml");

    /// <summary>The promtool unit test files, observability/rules/tests/*.test.yml.</summary>
    public static IReadOnlyList<string> UnitTestFiles =>
        [.. Directory.GetFiles(Path.Combine(Root, "observability", "rules", "tests"), "*.test.yml").Order(StringComparer.Ordinal)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harness.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Harness.sln not found above " + AppContext.BaseDirectory);
    }
}
