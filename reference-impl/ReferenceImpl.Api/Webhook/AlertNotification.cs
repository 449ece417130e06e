using System.Text.Json;

namespace ReferenceImpl.Api.Webhook;

/// <summary>The parts of an Alertmanager webhook body the downgrade needs.</summary>
public sealed record AlertNotification(bool Firing, string ReplayKey, string Summary)
{
    /// <summary>Null when the body is not an Alertmanager notification.</summary>
    public static AlertNotification? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("groupKey", out var groupKey) || groupKey.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var firing = root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() == "firing";
            var starts = new List<string>();
            var names = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var alert in alerts.EnumerateArray())
            {
                if (alert.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var alertFiring = alert.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() == "firing";
                firing |= alertFiring;
                if (alertFiring && alert.TryGetProperty("startsAt", out var startsAt) && startsAt.ValueKind == JsonValueKind.String)
                {
                    starts.Add(startsAt.GetString()!);
                }

                if (alert.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                    && labels.TryGetProperty("alertname", out var name) && name.ValueKind == JsonValueKind.String && names.Count < 5)
                {
                    names.Add(Printable(name.GetString()!));
                }
            }

            starts.Sort(StringComparer.Ordinal);
            var summary = (names.Count == 0 ? "alert" : string.Join(",", names)) + (firing ? " firing" : " resolved");
            return new AlertNotification(firing, groupKey.GetString() + "|" + string.Join(",", starts), summary);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string escaping an unpaired surrogate cannot be read.
            return null;
        }
    }

    private static string Printable(string text) =>
        new([.. text.Take(64).Select(c => c is >= ' ' and < '\x7f' ? c : '?')]);
}
