using GoldenPayloads.Corpus;
using Xunit.Abstractions;

namespace GoldenPayloads.Tests;

/// <summary>
/// A corpus case as theory data: serialized by its id so every payload is its own test case in
/// discovery and in reports; the case itself is read from the corpus on the way in.
/// </summary>
public sealed class CorpusCase : IXunitSerializable
{
    private static readonly Lazy<GoldenCorpus> Corpus = new(GoldenCorpus.LoadDefault);

    [Obsolete("For xunit's deserialization only.")]
    public CorpusCase() => Id = "";

    public CorpusCase(string id) => Id = id;

    public string Id { get; private set; }

    public GoldenCase Case => Corpus.Value[Id];

    /// <summary>The corpus copied next to the test assembly.</summary>
    public static GoldenCorpus All => Corpus.Value;

    /// <summary>Every case of the corpus, enumerated from disk.</summary>
    public static TheoryData<CorpusCase> Where(Func<GoldenCase, bool> predicate)
    {
        var data = new TheoryData<CorpusCase>();
        foreach (var golden in All.Cases.Where(predicate))
        {
            data.Add(new CorpusCase(golden.Id));
        }

        return data;
    }

    public void Deserialize(IXunitSerializationInfo info) => Id = info.GetValue<string>(nameof(Id));

    public void Serialize(IXunitSerializationInfo info) => info.AddValue(nameof(Id), Id);

    public override string ToString() => Id;
}
