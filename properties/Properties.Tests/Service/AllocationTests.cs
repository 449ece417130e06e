using System.Globalization;
using System.Net;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Properties.Tests.Generators;
using ReferenceImpl.Api.Funds;
using StageContract.Modes;
using StageContract.Normalization;

namespace Properties.Tests.Service;

/// <summary>Allocations keep the reserve invariants of the seeds (contract section 6), whatever the stages.</summary>
[Collection(ReferenceServiceGroup.Name)]
public sealed class AllocationTests(ReferenceServices services)
{
    private static readonly FundCatalog Funds = FundCatalog.Demo();
    private static readonly StageNormalizer Normalizer = Contract.Rules.Normalizer;

    [Property(MaxTest = 300)]
    public Property Allocation_ReserveInvariants_Hold() =>
        Prop.ForAll(Arbitraries.Requests(), async request =>
        {
            var client = services.For(EffectiveMode.Warn);
            using var response = await client.PostAsync(new Uri("/api/allocations", UriKind.Relative), request.Content()).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var capacity = Funds.Find(request.FundId)!.ReserveCapacity;
            var inputTotal = request.Items.Sum(i => i.Amount);
            if (inputTotal > capacity)
            {
                Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{inputTotal} > {capacity} but {(int)response.StatusCode} {body}");
                return;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
            AssertInvariants(request, capacity, body);

            var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
            using var stored = await client.GetAsync(new Uri("/api/allocations/" + id, UriKind.Relative)).ConfigureAwait(false);
            Assert.Equal(body, await stored.Content.ReadAsStringAsync().ConfigureAwait(false));
        });

    private static void AssertInvariants(AllocationRequest request, decimal capacity, string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var items = root.GetProperty("items").EnumerateArray().ToList();
        var total = root.GetProperty("total").GetDecimal();

        Assert.Equal(request.Items.Count, items.Count);
        Assert.All(items, i => Assert.True(i.GetProperty("amount").GetDecimal() >= 0));
        Assert.Equal(request.Items.Select(i => i.Amount), items.Select(i => i.GetProperty("amount").GetDecimal()));
        Assert.Equal(total, items.Sum(i => i.GetProperty("amount").GetDecimal()));
        Assert.True(total <= capacity, $"total {total} > capacity {capacity}");

        var byStage = root.GetProperty("byStage").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal);
        Assert.All(byStage.Keys, stage => Assert.Contains(stage, Contract.Stages));
        Assert.Equal(total, byStage.Values.Sum() + root.GetProperty("unclassifiedAmount").GetDecimal());
        for (var i = 0; i < items.Count; i++)
        {
            var expected = Normalizer.Normalize(request.Items[i].Stage).Canonical;
            var actual = items[i].GetProperty("stage");
            Assert.Equal(expected, actual.ValueKind == JsonValueKind.Null ? null : actual.GetString());
        }
    }

    public sealed record AllocationItemInput(long CompanyId, string Stage, decimal Amount);

    public sealed record AllocationRequest(long FundId, IReadOnlyList<AllocationItemInput> Items)
    {
        public HttpContent Content()
        {
            var items = Items.Select(i => string.Create(CultureInfo.InvariantCulture,
                $"{{\"companyId\":{i.CompanyId},\"stage\":{Json.String(i.Stage)},\"amount\":{Json.Number(i.Amount)}}}"));
            var content = new StringContent($"{{\"fundId\":{FundId},\"items\":[{string.Join(",", items)}]}}");
            content.Headers.ContentType = new("application/json");
            return content;
        }

        public override string ToString() =>
            $"fund {FundId}: [{string.Join(", ", Items.Select(i => $"({i.CompanyId}, {TextShrinker.Show(i.Stage)}, {i.Amount.ToString(CultureInfo.InvariantCulture)})"))}]";
    }

    public static class Arbitraries
    {
        /// <summary>
        /// Stages from the contract's vocabulary (canonical, any spelling of an alias, deliberately
        /// unknown): the hostile-stage laws live in <see cref="HostilePayloadTests"/>; this one is
        /// about amounts. Amounts are whole or have cents and often add up past the fund's capacity.
        /// </summary>
        public static Arbitrary<AllocationRequest> Requests() =>
            (from fund in Gen.Elements(1L, 2L, 3L)
             from count in Gen.Choose(1, 12)
             from items in Gen.ArrayOf(Item, count)
             select new AllocationRequest(fund, items)).ToArbitrary();

        private static Gen<AllocationItemInput> Item =>
            from company in Gen.Choose(1, 400)
            from stage in Gen.Frequency(
                (3, Gen.Elements([.. Contract.Stages])),
                (3, Gen.Elements(Contract.Keys).SelectMany(FoldingVariants.Any)),
                (1, Gen.Elements(Contract.DeliberatelyUnknown)))
            from whole in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(0, 5_000_000)), (2, Gen.Choose(0, 50_000_000)))
            from cents in Gen.Frequency((1, Gen.Constant(-1)), (1, Gen.Choose(0, 99)))
            select new AllocationItemInput(company, stage, cents < 0 ? whole : whole + (cents / 100m));
    }
}
