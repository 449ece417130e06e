namespace GoldenPayloads.Tests.Corpus;

/// <summary>A throw-away corpus directory owned by one test.</summary>
internal sealed class TempCorpus : IDisposable
{
    public TempCorpus() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "golden-corpus-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <c>&lt;directory&gt;/&lt;relativePath&gt;</c> and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
