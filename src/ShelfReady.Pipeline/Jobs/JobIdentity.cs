using System.Security.Cryptography;
using System.Text;

namespace ShelfReady.Pipeline.Jobs;

/// <summary>
/// Derives job and workflow ids from what an upload is, not when it arrived: the same blob path with the
/// same content always yields the same ids, so the several BlobCreated events Event Grid may send for one
/// upload, or a watcher that restarts, start nothing new.
/// </summary>
public static class JobIdentity
{
    /// <summary>The hex SHA-256 of a file's content.</summary>
    public static string ContentHash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A 26-character job id from the blob path and the content hash.</summary>
    public static string JobId(string blobPath, string contentHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobPath);
        ArgumentException.ThrowIfNullOrEmpty(contentHash);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{blobPath}\n{contentHash}"));
        return Base32(digest.AsSpan(0, 16));
    }

    /// <summary>The ProcessImage workflow instance id for a job.</summary>
    public static string ImageInstanceId(string jobId) => $"image-{jobId}";

    /// <summary>The ProcessBatch workflow instance id for a merchant's batch.</summary>
    public static string BatchInstanceId(string merchant, string batch)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{merchant}/{batch}"));
        return $"batch-{Base32(digest.AsSpan(0, 16))}";
    }

    // Crockford-style lowercase base32: safe in blob names, URLs and file names on every platform.
    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        const string alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        var builder = new StringBuilder((bytes.Length * 8 / 5) + 1);
        var buffer = 0;
        var bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            builder.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }

        return builder.ToString();
    }
}
