using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ShelfReady.SegmentationService.Options;

namespace ShelfReady.SegmentationService.Security;

/// <summary>
/// Checks a presented API key against the configured ones in constant time: both sides are SHA-256 hashed, so
/// the comparison always covers 32 bytes whatever the key lengths, and every configured key is compared, so
/// timing reveals neither a matching prefix nor which key matched.
/// </summary>
internal sealed class ApiKeyVerifier(IOptions<SegmentationServiceOptions> options)
{
    private readonly byte[][] keyHashes = [.. options.Value.ApiKeys.Select(Hash)];

    /// <summary>Whether requests must carry a key; false only when none is configured and anonymous use is allowed.</summary>
    public bool IsRequired => keyHashes.Length > 0;

    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var hash = Hash(presented);
        var match = false;
        foreach (var key in keyHashes)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, key);
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
