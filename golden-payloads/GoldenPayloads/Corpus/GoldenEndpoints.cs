using StageContract;
using StageContract.Endpoints;

namespace GoldenPayloads.Corpus;

/// <summary>
/// The golden corpus's endpoints: the contract endpoints that name a corpus folder in the data file
/// (<see cref="StageEndpoint.Corpus"/>), and how a payload's path addresses one.
/// </summary>
public static class GoldenEndpoints
{
    /// <summary>Every corpus endpoint of the shipped contract, in corpus order.</summary>
    public static IReadOnlyList<StageEndpoint> All => ContractRules.Default.Endpoints.InCorpus;

    /// <summary>The corpus endpoint of the shipped contract whose folder is <paramref name="folder"/>; throws when there is none.</summary>
    public static StageEndpoint InFolder(string folder) =>
        ContractRules.Default.Endpoints.WithCorpus(folder) ?? throw new KeyNotFoundException($"no contract endpoint has the corpus folder '{folder}'");

    /// <summary>The corpus folder of an endpoint, e.g. <c>monte-carlo</c>.</summary>
    public static string FolderName(this StageEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Corpus ?? throw new ArgumentException($"{endpoint} has no corpus folder", nameof(endpoint));
    }

    /// <summary>
    /// True when a request path (with its query) addresses the endpoint's route: literal segments
    /// equal, <c>{fundId}</c> 1-18 digits, <c>{id}</c> any segment; a query only for query input.
    /// </summary>
    public static bool Matches(this StageEndpoint endpoint, string path)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0 && endpoint.InputType != StageInputType.Query)
        {
            return false;
        }

        var segments = (query < 0 ? path : path[..query]).Split('/');
        var template = endpoint.Route.Split('/');
        return segments.Length == template.Length && segments.Zip(template).All(pair => pair.Second switch
        {
            Placeholders.FundId => pair.First.Length is >= 1 and <= 18 && pair.First.All(char.IsAsciiDigit),
            Placeholders.Id => pair.First.Length > 0,
            var literal => string.Equals(pair.First, literal, StringComparison.Ordinal),
        });
    }
}
