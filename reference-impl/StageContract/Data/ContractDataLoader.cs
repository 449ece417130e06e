using System.Text.Json;

namespace StageContract.Data;

/// <summary>Reads and validates <c>stage-contract.json</c>.</summary>
public static class ContractDataLoader
{
    /// <summary>File name of the data file, shipped next to every binary that reads it.</summary>
    public const string FileName = "stage-contract.json";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNameCaseInsensitive = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    /// <summary>The data file shipped with this library (embedded, so it can never be missing).</summary>
    public static StageContractData LoadEmbedded()
    {
        using var stream = typeof(ContractDataLoader).Assembly.GetManifestResourceStream("StageContract." + FileName)
            ?? throw new ContractDataException("the embedded stage-contract.json is missing from StageContract.dll");
        return Parse(stream, "embedded " + FileName);
    }

    /// <summary>Reads, parses and validates a data file.</summary>
    public static StageContractData LoadFile(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ContractDataException($"cannot read contract data file '{path}': {e.Message}", e);
        }

        using (stream)
        {
            return Parse(stream, path);
        }
    }

    /// <summary>Parses and validates; <paramref name="source"/> names the input in error messages.</summary>
    public static StageContractData Parse(Stream json, string source)
    {
        StageContractData? data;
        try
        {
            data = JsonSerializer.Deserialize<StageContractData>(json, SerializerOptions);
        }
        catch (JsonException e)
        {
            throw new ContractDataException($"{source}: invalid JSON at {e.Path ?? "$"} (line {e.LineNumber + 1}): {FirstLine(e.Message)}", e);
        }

        if (data is null)
        {
            throw new ContractDataException($"{source}: the document is null");
        }

        var problems = ContractDataValidator.Validate(data);
        if (problems.Count > 0)
        {
            throw new ContractDataException($"{source}: {string.Join("; ", problems)}");
        }

        return data;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
