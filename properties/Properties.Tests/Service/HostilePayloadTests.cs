using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using StageContract.Modes;
using StageContract.Normalization;

namespace Properties.Tests.Service;

/// <summary>
/// Hostile payloads over real HTTP against the reference service in each effective mode: never a
/// 5xx, headers always safe, and the outcome table of contract section 4 holds.
/// </summary>
[Collection(ReferenceServiceGroup.Name)]
public sealed class HostilePayloadTests(ReferenceServices services)
{
    private static readonly StageNormalizer Normalizer = Generators.Contract.Rules.Normalizer;

    [Property(MaxTest = 1000)]
    public Property Service_HostilePayload_NeverFailsAndFollowsTheOutcomeTable() =>
        Prop.ForAll(Arbitraries.Requests(), async c =>
        {
            using var response = await SendAsync(services.For(c.Mode), c.Request).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var because = $"{c.Mode}: {c.Request} -> {status} {body}";

            Assert.True(status < 500, because);
            AssertHeadersAreSafe(response, because);
            Assert.Equal(c.Mode.ToWire(), Header(response, "X-Stage-Mode"));

            var anyUnknown = c.Request.StageValues.Any(v => !Normalizer.Normalize(v).IsKnown);
            var code = status >= 400 ? ProblemCode(response, body, because) : null;
            if (code is "INVALID_STAGE" or "INVALID_STAGE_DISTRIBUTION")
            {
                Assert.True(c.Mode == EffectiveMode.Enforce && anyUnknown, "stage rejection outside enforce or without an unknown stage: " + because);
            }

            if (status is < 200 or >= 300)
            {
                return;
            }

            Assert.False(c.Mode == EffectiveMode.Enforce && anyUnknown, "an unknown stage was served in enforce: " + because);
            var deprecated = Header(response, "Deprecation") == "true";
            Assert.Equal(anyUnknown && c.Mode is EffectiveMode.Warn or EffectiveMode.Shadow, deprecated);
            Assert.Equal(anyUnknown && c.Mode == EffectiveMode.Shadow, Header(response, "X-Stage-Would-Reject") == "true");
        });

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HostileRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return await client.SendAsync(message).ConfigureAwait(false);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static void AssertHeadersAreSafe(HttpResponseMessage response, string because)
    {
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            foreach (var value in values)
            {
                Assert.False(value.AsSpan().ContainsAnyExceptInRange(' ', '~'), $"{name}: {TextShrinker.Show(value)} in {because}");
                Assert.True(value.Length <= 8192, $"{name} is {value.Length} characters long in {because}");
            }
        }
    }

    private static string ProblemCode(HttpResponseMessage response, string body, string because)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("code", out var code), "no code in " + because);
        return code.GetString()!;
    }

    public sealed record ModeAndRequest(EffectiveMode Mode, HostileRequest Request)
    {
        public override string ToString() => $"{Mode}: {Request}";
    }

    public static class Arbitraries
    {
        public static Arbitrary<ModeAndRequest> Requests() =>
            (from mode in Gen.Elements(Enum.GetValues<EffectiveMode>())
             from request in HostileRequest.Any
             select new ModeAndRequest(mode, request)).ToArbitrary();
    }
}
