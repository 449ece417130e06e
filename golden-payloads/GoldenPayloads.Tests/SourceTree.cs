namespace GoldenPayloads.Tests;

/// <summary>Finds folders of the source tree from the test binaries (for snapshots and the source corpus).</summary>
internal static class SourceTree
{
    /// <summary>The <c>golden-payloads</c> folder: the nearest ancestor of the test binaries holding <c>payloads</c> and this test project.</summary>
    public static string GoldenPayloadsFolder { get; } = Find();

    /// <summary>
    /// The folder of a test source file: <paramref name="callerFile"/>'s when it exists on this
    /// machine, else (a build with mapped source paths) the same relative folder under this project.
    /// </summary>
    public static string FolderOf(string callerFile, string relativeFolder)
    {
        var folder = Path.GetDirectoryName(callerFile);
        return folder is not null && Directory.Exists(folder)
            ? folder
            : Path.Combine(GoldenPayloadsFolder, "GoldenPayloads.Tests", relativeFolder);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoldenPayloads.Tests", "GoldenPayloads.Tests.csproj")) && Directory.Exists(Path.Combine(dir.FullName, "payloads")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no golden-payloads folder above {AppContext.BaseDirectory}");
    }
}
