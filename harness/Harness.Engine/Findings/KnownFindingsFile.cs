using System.Text;
using System.Text.Json;

namespace Harness.Engine.Findings;

/// <summary>
/// The known-findings file (<c>{"schemaVersion":1,"findings":[...]}</c>) a team keeps in its
/// repository. A file that is not one is refused with a one-line <see cref="FormatException"/> and
/// never overwritten; writes replace the file atomically (write beside it, rename).
/// </summary>
public static class KnownFindingsFile
{
    /// <summary>Version of the document's shape.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, RespectNullableAnnotations = true };

    /// <summary>The findings in the file at <paramref name="path"/>; throws <see cref="FileNotFoundException"/> when there is none.</summary>
    public static async Task<IReadOnlyList<KnownFinding>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    /// <summary>Writes <paramref name="findings"/> to <paramref name="path"/>, replacing the file atomically.</summary>
    public static async Task WriteAsync(string path, IReadOnlyList<KnownFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temporary, Write(findings), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The document for <paramref name="findings"/>, ordered by gate and fingerprint so that a diff in review reads well.</summary>
    public static string Write(IReadOnlyList<KnownFinding> findings) =>
        JsonSerializer.Serialize(new Document(SchemaVersion, [.. findings.OrderBy(f => f.Gate, StringComparer.Ordinal).ThenBy(f => f.Fingerprint, StringComparer.Ordinal)]), Json) + "\n";

    /// <summary>Reads a document; throws <see cref="FormatException"/> with one line when it is not a known-findings file.</summary>
    public static IReadOnlyList<KnownFinding> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(text, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not a known-findings file: {e.Message.Split('\n')[0]}", e);
        }

        if (document is null || document.SchemaVersion != SchemaVersion || document.Findings is null)
        {
            throw new FormatException($"{source}: not a known-findings file (expected {{\"schemaVersion\": {SchemaVersion}, \"findings\": [...]}})");
        }

        foreach (var f in document.Findings)
        {
            if (string.IsNullOrWhiteSpace(f.Gate) || f.Fingerprint is null || f.Fingerprint.Length != 16 || !f.Fingerprint.All(Uri.IsHexDigit))
            {
                throw new FormatException($"{source}: a finding needs a \"gate\" and a 16-digit hex \"fingerprint\" (got gate '{f.Gate}', fingerprint '{f.Fingerprint}')");
            }

            if (string.IsNullOrWhiteSpace(f.Reason))
            {
                throw new FormatException($"{source}: finding {f.Fingerprint} of gate '{f.Gate}' has no \"reason\": say why it was accepted");
            }
        }

        return document.Findings;
    }

    private sealed record Document(int SchemaVersion, IReadOnlyList<KnownFinding> Findings);
}
