using System.Text;
using Harness.Engine.Gates.Readiness;
using Harness.Engine.Plans;
using StageContract;

namespace Harness.Engine.Audit;

/// <summary>Reads an access log line by line (bounded per line) and audits it; the whole log is never held in memory.</summary>
public static class AccessLogAudit
{
    /// <summary>Lines between two progress reports.</summary>
    public const int ProgressEvery = 100_000;

    /// <summary>The parser of <paramref name="format"/>; an <see cref="ArgumentException"/> when the format cannot give the client key.</summary>
    public static IAccessLogParser ParserFor(AccessLogFormat format, JsonFieldNames fields, ClientKey client) =>
        format == AccessLogFormat.Combined ? new CombinedLogParser(client) : new JsonLineParser(fields, client);

    /// <summary>
    /// Audits the log at <paramref name="path"/> under <paramref name="phase"/>'s configuration. I/O failures
    /// throw (the caller reports them in one line); bad lines are counted, never thrown.
    /// <paramref name="progress"/> gets the number of lines read every <see cref="ProgressEvery"/> lines.
    /// </summary>
    public static async Task<AuditReport> RunAsync(
        string path, string source, IAccessLogParser parser, AccessLogFormat format, ContractRules rules, Phase phase, AuditOptions options,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(phase);
        var audit = new ConsumerAudit(new CaptureClassifier(rules, phase.Configuration.ToModeSettings()), options);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var reader = new BoundedLineReader(text);
        long number = 0;
        while (true)
        {
            var (more, line, tooLong) = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (!more)
            {
                break;
            }

            number++;
            if (tooLong)
            {
                audit.Add(LineParse.Malformed($"line longer than {reader.MaxLineChars} characters"), number, null);
            }
            else if (!string.IsNullOrWhiteSpace(line))
            {
                audit.Add(parser.Parse(line), number, line);
            }

            if (number % ProgressEvery == 0)
            {
                progress?.Report(number);
            }
        }

        return audit.Build(source, format, phase.Name, phase.Configuration.Describe());
    }
}
