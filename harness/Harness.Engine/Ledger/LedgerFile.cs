using System.Text;
using System.Text.Json;

namespace Harness.Engine.Ledger;

/// <summary>
/// The promotion ledger on disk: one JSON document (<c>{"schemaVersion":1,"entries":[...]}</c>) a team
/// keeps in its repository or CI cache. A missing file is an empty ledger; a file that is not a
/// ledger is refused with a one-line <see cref="FormatException"/> and never overwritten. Appends
/// hold a lock file (<c>/// hold a lock file, then replace the ledger atomically (write beside it, rename), so a crash or alt;ledger/// hold a lock file, then replace the ledger atomically (write beside it, rename), so a crash or agt;.lock</c>, left in place: deleting it would race a waiting writer), then
/// replace the ledger atomically (write beside it, rename), so a crash or a
/// second writer never loses entries.
/// </summary>
public static class LedgerFile
{
    /// <summary>Version of the document's shape.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, RespectNullableAnnotations = true };

    /// <summary>The entries of the ledger at <paramref name="path"/>, oldest first; empty when there is no file.</summary>
    public static async Task<IReadOnlyList<LedgerEntry>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return [];
        }

        var text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return Parse(text, path);
    }

    /// <summary>Appends <paramref name="entry"/> to the ledger at <paramref name="path"/> (created when missing).</summary>
    public static async Task AppendAsync(string path, LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entry);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var held = await LockAsync(full + ".lock", cancellationToken).ConfigureAwait(false);
        var entries = (await ReadAsync(full, cancellationToken).ConfigureAwait(false)).Append(entry).ToList();
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temporary, Write(entries), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The document for <paramref name="entries"/>.</summary>
    public static string Write(IReadOnlyList<LedgerEntry> entries) =>
        JsonSerializer.Serialize(new Document(SchemaVersion, entries), Json) + "\n";

    /// <summary>Reads a document; throws <see cref="FormatException"/> with one line when it is not a ledger.</summary>
    public static IReadOnlyList<LedgerEntry> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(text, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{source}: not a promotion ledger: {e.Message.Split('\n')[0]}", e);
        }

        if (document is null || document.Entries is null)
        {
            throw new FormatException($"{source}: not a promotion ledger: no 'entries'");
        }

        return document.SchemaVersion == SchemaVersion
            ? document.Entries
            : throw new FormatException($"{source}: ledger schemaVersion {document.SchemaVersion} is not supported (expected {SchemaVersion})");
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException) when (attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private sealed record Document(int SchemaVersion, IReadOnlyList<LedgerEntry> Entries);
}
