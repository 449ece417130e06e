using System.Security.Cryptography;
using System.Text;

namespace ReferenceImpl.Api.ModeStore;

/// <summary>Constant-time bearer token check.</summary>
public static class BearerToken
{
    /// <summary>True when the request carries <c>Authorization: Bearer &lt;expected&gt;</c>.</summary>
    public static bool Matches(HttpContext context, string? expected)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (expected is null)
        {
            return false;
        }

        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(value[7..].Trim())),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
