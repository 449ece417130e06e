using System.Text;

namespace GoldenPayloads.Corpus;

/// <summary>
/// The golden corpus: <c>&lt;directory&gt;/&lt;endpoint&gt;/&lt;archetype&gt;.json</c>, loaded and
/// validated as a whole. A bad file stops the load with a message naming it and every problem in it.
/// </summary>
public sealed class GoldenCorpus
{
    /// <summary>Folder name of the corpus next to every binary that references this library.</summary>
    public const string FolderName = "payloads";

    private readonly Dictionary<string, GoldenCase> _byId;

    private GoldenCorpus(string directory, IReadOnlyList<GoldenCase> cases)
    {
        Directory = directory;
        Cases = cases;
        _byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The directory the corpus was read from.</summary>
    public string Directory { get; }

    /// <summary>Every case, by endpoint (corpus order) then archetype (ordinal).</summary>
    public IReadOnlyList<GoldenCase> Cases { get; }

    /// <summary>The corpus copied to the output directory of the running program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The case with id <c>&lt;endpoint&gt;/&lt;archetype&gt;</c>; throws when there is none.</summary>
    public GoldenCase this[string id] =>
        _byId.TryGetValue(id, out var found) ? found : throw new KeyNotFoundException($"the golden corpus has no case '{id}'");

    /// <summary>The cases of one endpoint.</summary>
    public IReadOnlyList<GoldenCase> For(GoldenEndpoint endpoint) => [.. Cases.Where(c => c.Endpoint == endpoint)];

    /// <summary>Loads the corpus copied next to the running program.</summary>
    public static GoldenCorpus LoadDefault() => Load(DefaultDirectory);

    /// <summary>Reads and validates every file; throws <see cref="GoldenCorpusException"/> listing every problem.</summary>
    public static GoldenCorpus Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new GoldenCorpusException($"golden corpus directory '{directory}' does not exist");
        }

        var problems = new List<string>();
        var cases = new List<GoldenCase>();
        foreach (var stray in System.IO.Directory.EnumerateFiles(directory, "*.json"))
        {
            problems.Add($"{stray}: a payload file must be inside an endpoint folder ({string.Join(", ", GoldenEndpoints.All.Select(e => e.FolderName()))})");
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (GoldenEndpoints.FromFolderName(name) is not { } endpoint)
            {
                problems.Add($"{folder}: '{name}' is not an endpoint folder (expected one of {string.Join(", ", GoldenEndpoints.All.Select(e => e.FolderName()))})");
                continue;
            }

            foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var (golden, fileProblems) = ReadFile(file, endpoint);
                problems.AddRange(fileProblems.Select(p => $"{file}: {p}"));
                if (golden is not null)
                {
                    cases.Add(golden);
                }
            }
        }

        if (problems.Count == 0 && cases.Count == 0)
        {
            problems.Add($"{directory}: no payload files found");
        }

        if (problems.Count > 0)
        {
            var message = new StringBuilder()
                .Append("golden corpus '").Append(directory).Append("' has ").Append(problems.Count).Append(problems.Count == 1 ? " problem:" : " problems:");
            foreach (var problem in problems)
            {
                message.Append('\n').Append("  ").Append(problem);
            }

            throw new GoldenCorpusException(message.ToString());
        }

        return new GoldenCorpus(directory, [.. cases.OrderBy(c => c.Endpoint).ThenBy(c => c.Archetype, StringComparer.Ordinal)]);
    }

    private static (GoldenCase? Case, IReadOnlyList<string> Problems) ReadFile(string file, GoldenEndpoint endpoint)
    {
        string json;
        try
        {
            json = File.ReadAllText(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GoldenCorpusException($"{file}: cannot be read: {e.Message}", e);
        }

        return GoldenCaseReader.Read(json, endpoint, Path.GetFileNameWithoutExtension(file), file);
    }
}
