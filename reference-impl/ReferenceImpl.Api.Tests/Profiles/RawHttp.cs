using System.Net.Sockets;
using System.Text;

namespace ReferenceImpl.Api.Tests.Profiles;

/// <summary>
/// One HTTP/1.1 exchange over a plain socket, so that header names are seen exactly as sent on the
/// wire (HttpClient hands back its own spelling of the names it knows).
/// </summary>
internal static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri baseAddress, string method, string pathAndQuery, string? json = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = client.GetStream();
        var body = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(pathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(baseAddress.Authority).Append("\r\nConnection: close\r\n");
        if (json is not null)
        {
            head.Append("Content-Type: application/json\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
        await stream.WriteAsync(body);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        var text = await reader.ReadToEndAsync();
        var lines = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return new RawResponse(status, [.. lines.Skip(1).Select(l => (l[..l.IndexOf(':', StringComparison.Ordinal)], l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))]);
    }
}

/// <summary>Status and header lines as received.</summary>
internal sealed record RawResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers)
{
    public IEnumerable<string> Names => Headers.Select(h => h.Name);
}
