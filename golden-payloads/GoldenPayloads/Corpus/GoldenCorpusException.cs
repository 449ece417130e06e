namespace GoldenPayloads.Corpus;

/// <summary>The corpus directory or one of its files is unusable; the message names the file and every problem in it.</summary>
public sealed class GoldenCorpusException : Exception
{
    public GoldenCorpusException(string message) : base(message) { }

    public GoldenCorpusException(string message, Exception innerException) : base(message, innerException) { }

    public GoldenCorpusException() { }
}
