using System.Text;
using StageContract;
using StageContract.Endpoints;

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

    private GoldenCorpus(string directory, IReadOnlyList<StageEndpoint> endpoints, IReadOnlyList<GoldenCase> cases)
    {
        Directory = directory;
        Endpoints = endpoints;
        Cases = cases;
        _byId = cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The directory the corpus was read from.</summary>
    public string Directory { get; }

    /// <summary>The contract endpoints with a corpus folder, in corpus order (the data file's).</summary>
    public IReadOnlyList<StageEndpoint> Endpoints { get; }

    /// <summary>Every case, by endpoint (corpus order) then archetype (ordinal).</summary>
    public IReadOnlyList<GoldenCase> Cases { get; }

    /// <summary>The corpus copied to the output directory of the running program.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>The case with id <c>&lt;endpoint&gt;/&lt;archetype&gt;</c>; throws when there is none.</summary>
    public GoldenCase this[string id] =>
        _byId.TryGetValue(id, out var found) ? found : throw new KeyNotFoundException($"the golden corpus has no case '{id}'");

    /// <summary>The cases of one endpoint.</summary>
    public IReadOnlyList<GoldenCase> For(StageEndpoint endpoint) => [.. Cases.Where(c => c.Endpoint == endpoint)];

    /// <summary>Loads the corpus copied next to the running program.</summary>
    public static GoldenCorpus LoadDefault() => Load(DefaultDirectory);

    /// <summary>Reads and validates every file against the shipped contract's endpoints; throws <see cref="GoldenCorpusException"/> listing every problem.</summary>
    public static GoldenCorpus Load(string directory) => Load(directory, ContractRules.Default);

    /// <summary>Reads and validates every file against the contract's corpus endpoints; throws <see cref="GoldenCorpusException"/> listing every problem.</summary>
    public static GoldenCorpus Load(string directory, ContractRules rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(rules);
        var endpoints = rules.Endpoints.InCorpus;
        var folders = string.Join(", ", endpoints.Select(e => e.Corpus));
        if (!System.IO.Directory.Exists(directory))
        {
            throw new GoldenCorpusException($"golden corpus directory '{directory}' does not exist");
        }

        var problems = new List<string>();
        var cases = new List<GoldenCase>();
        foreach (var stray in System.IO.Directory.EnumerateFiles(directory, "*.json"))
        {
            problems.Add($"{stray}: a payload file must be inside an endpoint folder ({folders})");
        }

        foreach (var folder in System.IO.Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (rules.Endpoints.WithCorpus(name) is not { } endpoint)
            {
                problems.Add($"{folder}: '{name}' is not an endpoint folder (expected one of {folders})");
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

        var order = endpoints.ToList();
        return new GoldenCorpus(directory, endpoints, [.. cases.OrderBy(c => order.IndexOf(c.Endpoint)).ThenBy(c => c.Archetype, StringComparer.Ordinal)]);
    }

    private static (GoldenCase? Case, IReadOnlyList<string> Problems) ReadFile(string file, StageEndpoint endpoint)
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
