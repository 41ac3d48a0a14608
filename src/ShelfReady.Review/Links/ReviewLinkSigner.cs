using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ShelfReady.Review.Links;

/// <summary>
/// Signs and verifies review, queue and download links, and the anti-forgery tokens of the pages they open, with
/// HMAC-SHA256. A link is <c>{keyId}.{payload}.{signature}</c>: the payload names the instance, job,
/// attempt, reviewer and expiry (nothing secret), the key id selects the key so keys can rotate, and
/// signatures are compared in constant time.
/// </summary>
public sealed class ReviewLinkSigner
{
    private static readonly TimeSpan FormLifetime = TimeSpan.FromHours(12);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, byte[]> keys;
    private readonly string activeKeyId;
    private readonly TimeProvider time;

    /// <summary>Creates a signer over the configured keys.</summary>
    public ReviewLinkSigner(IOptions<ReviewOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        keys = value.SigningKeys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        activeKeyId = value.ActiveKeyId ?? throw new InvalidOperationException("Review:ActiveKeyId is not set.");
        this.time = time;
        LinkLifetime = value.LinkLifetime;
    }

    /// <summary>How long a new link is valid.</summary>
    public TimeSpan LinkLifetime { get; }

    /// <summary>Signs a review link.</summary>
    public string Sign(ReviewLink link) => SignPayload("review", JsonSerializer.SerializeToUtf8Bytes(link, Json));

    /// <summary>Signs a queue link.</summary>
    public string Sign(QueueLink link) => SignPayload("queue", JsonSerializer.SerializeToUtf8Bytes(link, Json));

    /// <summary>Signs a download link.</summary>
    public string Sign(FileLink link) => SignPayload("file", JsonSerializer.SerializeToUtf8Bytes(link, Json));

    /// <summary>Verifies a download link.</summary>
    public LinkCheck<FileLink> VerifyFile(string token) => Verify<FileLink>("file", token, l => l.ExpiresAt);

    /// <summary>Verifies a review link.</summary>
    public LinkCheck<ReviewLink> VerifyReview(string token) => Verify<ReviewLink>("review", token, l => l.ExpiresAt);

    /// <summary>Verifies a queue link.</summary>
    public LinkCheck<QueueLink> VerifyQueue(string token) => Verify<QueueLink>("queue", token, l => l.ExpiresAt);

    /// <summary>
    /// Issues the anti-forgery token of one page view: bound to the link the page was opened with and to a
    /// fresh view id, so a form can only be posted from a page this service rendered.
    /// </summary>
    public string IssueFormToken(string linkToken)
    {
        var view = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        var issued = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{activeKeyId}.{view}.{issued}.{FormSignature(keys[activeKeyId], linkToken, view, issued)}";
    }

    /// <summary>Whether a posted anti-forgery token was issued for this link, recently, by this service.</summary>
    public bool IsValidFormToken(string linkToken, string? formToken)
    {
        var parts = formToken?.Split('.');
        if (parts is not { Length: 4 } || !keys.TryGetValue(parts[0], out var key) || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age >= TimeSpan.FromMinutes(-5) && age <= FormLifetime && SameSignature(FormSignature(key, linkToken, parts[1], parts[2]), parts[3]);
    }

    private static string FormSignature(byte[] key, string linkToken, string view, string issued) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"form\n{linkToken}\n{view}\n{issued}")));

    private static bool SameSignature(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    private static byte[] Mac(byte[] key, string purpose, string keyId, string payload) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{purpose}\n{keyId}.{payload}"));

    private string SignPayload(string purpose, byte[] json)
    {
        var payload = Base64Url.EncodeToString(json);
        return $"{activeKeyId}.{payload}.{Base64Url.EncodeToString(Mac(keys[activeKeyId], purpose, activeKeyId, payload))}";
    }

    private LinkCheck<T> Verify<T>(string purpose, string? token, Func<T, DateTimeOffset> expiry)
        where T : class
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return new LinkCheck<T>(null, LinkFailure.Malformed);
        }

        if (!keys.TryGetValue(parts[0], out var key))
        {
            return new LinkCheck<T>(null, LinkFailure.UnknownKey);
        }

        if (!SameSignature(Base64Url.EncodeToString(Mac(key, purpose, parts[0], parts[1])), parts[2]))
        {
            return new LinkCheck<T>(null, LinkFailure.Tampered);
        }

        T? link;
        try
        {
            link = JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(parts[1]), Json);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return new LinkCheck<T>(null, LinkFailure.Malformed);
        }

        if (link is null)
        {
            return new LinkCheck<T>(null, LinkFailure.Malformed);
        }

        return expiry(link) <= time.GetUtcNow() ? new LinkCheck<T>(null, LinkFailure.Expired) : new LinkCheck<T>(link, LinkFailure.None);
    }
}
