namespace Harness.Engine.Audit;

/// <summary>
/// Reads lines (LF or CRLF) keeping at most <see cref="MaxLineChars"/> characters of any one line in
/// memory: the rest of a longer line is skipped and the line is reported as too long, so one huge
/// line cannot blow the audit's memory bound.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLineChars = BoundedLineReader.DefaultMaxLineChars)
{
    /// <summary>Default cap: 1 Mi characters (the contract's body limit is 1 MiB).</summary>
    public const int DefaultMaxLineChars = 1 << 20;

    private readonly char[] _buffer = new char[1 << 16];
    private readonly System.Text.StringBuilder _line = new();
    private int _position;
    private int _length;

    /// <summary>The cap on one line, in characters.</summary>
    public int MaxLineChars { get; } = maxLineChars;

    /// <summary>The next line (null at the end of input); TooLong when it exceeded the cap (then the line is null too).</summary>
    public async ValueTask<(bool More, string? Line, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var tooLong = false;
        var any = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                if (_length == 0)
                {
                    return any ? (true, tooLong ? null : Trimmed(), tooLong) : (false, null, false);
                }
            }

            any = true;
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf('\n');
            var chunk = newline < 0 ? span : span[..newline];
            if (!tooLong)
            {
                if (_line.Length + chunk.Length > MaxLineChars)
                {
                    tooLong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(chunk);
                }
            }

            _position += chunk.Length;
            if (newline >= 0)
            {
                _position++;
                return (true, tooLong ? null : Trimmed(), tooLong);
            }
        }
    }

    private string Trimmed() =>
        _line.Length > 0 && _line[^1] == '\r' ? _line.ToString(0, _line.Length - 1) : _line.ToString();
}
