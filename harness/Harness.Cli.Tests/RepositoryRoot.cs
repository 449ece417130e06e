namespace Harness.Cli.Tests;

/// <summary>The repository the tests were built from: the first folder above the test binaries that holds Harness.sln beside harness/Harness.Cli.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Harness.sln"))
                && File.Exists(Path.Combine(directory.FullName, "harness", "Harness.Cli", "Harness.Cli.csproj")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no repository root (Harness.sln beside harness/Harness.Cli) above {AppContext.BaseDirectory}");
    }
}
