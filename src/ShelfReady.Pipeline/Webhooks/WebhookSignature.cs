using System.Security.Cryptography;
using System.Text;

namespace ShelfReady.Pipeline.Webhooks;

/// <summary>
/// Signs and verifies webhook deliveries as Standard Webhooks 1.0 defines them: HMAC-SHA256 over
/// "{id}.{timestamp}.{body}" with the secret that follows "whsec_" in base64, sent as "v1,{base64}".
/// </summary>
public sealed class WebhookSignature
{
    private const string SecretPrefix = "whsec_";
    private const string VersionPrefix = "v1,";

    private readonly byte[] key;

    /// <summary>Creates a signer from a secret of the form "whsec_{base64}".</summary>
    /// <exception cref="ArgumentException">The secret is not of that form.</exception>
    public WebhookSignature(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            key = Convert.FromBase64String(encoded);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("A webhook secret is 'whsec_' followed by base64.", nameof(secret), ex);
        }

        if (key.Length < 24)
        {
            throw new ArgumentException("A webhook secret needs at least 24 random bytes.", nameof(secret));
        }
    }

    /// <summary>Creates a new random secret in the standard form.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The value of the webhook-signature header for one delivery.</summary>
    public string Sign(string messageId, long timestamp, string body) =>
        VersionPrefix + Convert.ToBase64String(Compute(messageId, timestamp, body));

    /// <summary>
    /// Whether a signature header (possibly several space-separated signatures, during secret rotation)
    /// holds a valid v1 signature for the message, compared in constant time.
    /// </summary>
    public bool Verify(string messageId, long timestamp, string body, string signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        var expected = Compute(messageId, timestamp, body);
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!candidate.StartsWith(VersionPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var actual = new byte[expected.Length];
            if (Convert.TryFromBase64String(candidate[VersionPrefix.Length..], actual, out var written)
                && written == expected.Length
                && CryptographicOperations.FixedTimeEquals(actual, expected))
            {
                return true;
            }
        }

        return false;
    }

    private byte[] Compute(string messageId, long timestamp, string body) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
}
