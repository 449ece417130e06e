using System.Text;

namespace Harness.Engine.Audit;

/// <summary>
/// Reads the nginx/Apache combined log format, <c>%h %l %u [%t] "%r" %&gt;s %b "%{Referer}i" "%{User-Agent}i"</c>
/// (the common log format, without the last two fields, and lines with more fields after them are read too).
/// Quoted fields undo the escapes both servers write: <c>\"</c>, <c>\\</c> (Apache) and <c>\xHH</c> (nginx, a byte).
/// Such a log has no bodies and no headers but the user agent (<see cref="AccessLogEntry.HasBody"/> is false).
/// </summary>
public sealed class CombinedLogParser : IAccessLogParser
{
    private readonly ClientKey _client;

    /// <summary>A parser taking clients by <paramref name="client"/>, which must be <c>ip</c> or <c>ua</c>.</summary>
    public CombinedLogParser(ClientKey client)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Kind == ClientKeyKind.Header)
        {
            throw new ArgumentException($"a combined log carries no request header but User-Agent, so it cannot give '{client}': use ip or ua, or a JSON-lines log", nameof(client));
        }

        _client = client;
    }

    /// <inheritdoc />
    public LineParse Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var at = 0;
        var host = Token(line, ref at);
        var ident = Token(line, ref at);
        var user = Token(line, ref at);
        if (host is null || ident is null || user is null)
        {
            return LineParse.Malformed("expected '<host> <ident> <user> [<time>] \"<request>\" <status> <bytes>'");
        }

        SkipSpaces(line, ref at);
        if (at >= line.Length || line[at] != '[' || line.IndexOf(']', at) is var close && close < 0)
        {
            return LineParse.Malformed("no [time] field");
        }

        at = close + 1;
        var request = Quoted(line, ref at, out var requestError);
        if (request is null)
        {
            return LineParse.Malformed("request field: " + requestError);
        }

        var status = Token(line, ref at);
        var bytes = Token(line, ref at);
        if (status is not { Length: 3 } || !status.All(char.IsAsciiDigit) || bytes is null)
        {
            return LineParse.Malformed("no status and size after the request");
        }

        string? userAgent = null;
        SkipSpaces(line, ref at);
        if (at < line.Length)
        {
            if (Quoted(line, ref at, out var refererError) is null)
            {
                return LineParse.Malformed("referer field: " + refererError);
            }

            SkipSpaces(line, ref at);
            if (at < line.Length)
            {
                userAgent = Quoted(line, ref at, out var agentError);
                if (userAgent is null)
                {
                    return LineParse.Malformed("user-agent field: " + agentError);
                }
            }
        }

        var parts = request.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetterUpper))
        {
            return LineParse.Malformed(request == "-" ? "no request line (the server logged '-')" : "request line is not '<METHOD> <target> <protocol>'");
        }

        var target = RequestTarget.PathOf(parts[1]);
        if (target is null)
        {
            return LineParse.Malformed("request target is neither a path nor an absolute URL");
        }

        var client = _client.Kind == ClientKeyKind.Ip ? host : userAgent is null or "-" ? null : userAgent;
        return LineParse.Of(new AccessLogEntry(parts[0], target, null, false, client, null));
    }

    private static void SkipSpaces(string line, ref int at)
    {
        while (at < line.Length && line[at] == ' ')
        {
            at++;
        }
    }

    private static string? Token(string line, ref int at)
    {
        SkipSpaces(line, ref at);
        var start = at;
        while (at < line.Length && line[at] != ' ')
        {
            at++;
        }

        return at > start ? line[start..at] : null;
    }

    private static string? Quoted(string line, ref int at, out string? error)
    {
        SkipSpaces(line, ref at);
        if (at >= line.Length || line[at] != '"')
        {
            error = "expected a quoted field";
            return null;
        }

        var bytes = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        for (at++; at < line.Length; at++)
        {
            var c = line[at];
            if (c == '"')
            {
                at++;
                error = null;
                return Encoding.UTF8.GetString([.. bytes]);
            }

            if (c == '\\' && at + 1 < line.Length)
            {
                var next = line[at + 1];
                if (next is '"' or '\\')
                {
                    bytes.Add((byte)next);
                    at++;
                    continue;
                }

                if (next == 'x' && at + 3 < line.Length && IsHex(line[at + 2]) && IsHex(line[at + 3]))
                {
                    bytes.Add(Convert.FromHexString(line.AsSpan(at + 2, 2))[0]);
                    at += 3;
                    continue;
                }
            }

            var rune = Rune.DecodeFromUtf16(line.AsSpan(at), out var rune16, out var used) == System.Buffers.OperationStatus.Done ? rune16 : Rune.ReplacementChar;
            at += Math.Max(used, 1) - 1;
            var n = rune.EncodeToUtf8(utf8);
            bytes.AddRange(utf8[..n]);
        }

        error = "unterminated quoted field";
        return null;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
