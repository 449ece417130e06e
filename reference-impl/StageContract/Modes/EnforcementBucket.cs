using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace StageContract.Modes;

/// <summary>
/// The enforcement bucket of contract section 3: the first four bytes of SHA-256 over the UTF-8
/// request id, read as a big-endian unsigned integer, modulo 100.
/// </summary>
public static class EnforcementBucket
{
    private const int StackLimit = 512;

    /// <summary>The bucket (0-99) of a request id.</summary>
    public static int Of(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        var byteCount = Encoding.UTF8.GetByteCount(requestId);
        byte[]? rented = null;
        var bytes = byteCount <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(requestId, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..written], hash);
            return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % 100);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>True when the request id is enforced at <paramref name="percent"/> (clamped to 0-100).</summary>
    public static bool Contains(string requestId, int percent) => Of(requestId) < Math.Clamp(percent, 0, 100);
}
