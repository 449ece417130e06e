using System.Net.Http.Headers;
using System.Text;
using StageContract.Modes;

namespace Properties.Tests.Service;

/// <summary>
/// Counterexamples found by <see cref="HostilePayloadTests"/>, kept as plain tests named after
/// what they showed.
/// </summary>
[Collection(ReferenceServiceGroup.Name)]
public sealed class ServiceRegressionTests(ReferenceServices services)
{
    /// <summary>
    /// A JSON string may escape a lone surrogate ("\ud800" is valid JSON text); JsonElement.GetString
    /// then throws InvalidOperationException and the service answers 500. The value should be an
    /// unknown stage (or the body a 400), never a server error.
    /// </summary>
    [Theory]
    [InlineData("/api/allocations", """{"fundId":1,"items":[{"companyId":101,"stage":"\ud800","amount":1}]}""")]
    [InlineData("/api/monte-carlo/simulate", """{"fundId":1,"runs":10,"seed":1,"stageDistribution":[{"stage":"seed\udc00","weight":1}]}""")]
    [InlineData("/api/portfolio/strategies", """{"fundId":1,"name":"x","stageAllocation":{"\ud800":1}}""")]
    public async Task Service_LoneSurrogateEscapeInStage_IsNot500(string path, string body)
    {
        foreach (var mode in Enum.GetValues<EffectiveMode>())
        {
            using var response = await PostAsync(services.For(mode), path, body);
            Assert.True((int)response.StatusCode < 500, $"{mode}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// The HTTP face of DistributionTests.Evaluate_SubnormalKnownWeightBesideUnknown_SumsToOne:
    /// outside enforce the known weight 5e-324 was rescaled to infinity, and writing the Monte
    /// Carlo response failed with a 500.
    /// </summary>
    [Theory]
    [InlineData(EffectiveMode.Off)]
    [InlineData(EffectiveMode.Warn)]
    [InlineData(EffectiveMode.Shadow)]
    public async Task Simulate_SubnormalKnownWeightBesideUnknown_IsNot500(EffectiveMode mode)
    {
        const string body = """{"fundId":1,"runs":10,"seed":1,"stageDistribution":[{"stage":"seed","weight":5E-324},{"stage":"growth","weight":1}]}""";
        using var response = await PostAsync(services.For(mode), "/api/monte-carlo/simulate", body);
        Assert.True((int)response.StatusCode < 500, $"{mode}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
