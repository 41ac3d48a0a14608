using System.Net;
using Microsoft.Extensions.Options;
using ShelfReady.SegmentationService.Options;

namespace ShelfReady.SegmentationService.Input;

/// <summary>
/// Fetches a <c>{"url": …}</c> input, only from <see cref="SegmentationServiceOptions.AllowedBlobHosts"/>, over
/// https (http only when allowed), without credentials in the URL and without following redirects (the named
/// client's handler disables them), so a caller cannot point the service at its own network (SSRF).
/// </summary>
internal sealed class BlobFetcher(IHttpClientFactory clients, IOptions<SegmentationServiceOptions> options)
{
    /// <summary>The named <see cref="HttpClient"/> used for fetches.</summary>
    public const string ClientName = "blob-inputs";

    private readonly BlobHostAllowList allowList = new(options.Value.AllowedBlobHosts);

    public async Task<byte[]> FetchAsync(string? url, CancellationToken cancellationToken)
    {
        var uri = Check(url);
        using var client = clients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new InputRejectedException(StatusCodes.Status502BadGateway, $"The image URL could not be fetched ({ex.Message}).", ex);
        }

        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InputRejectedException($"The image URL answered {(int)response.StatusCode} {response.ReasonPhrase}; expected 200 with the image.");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                return await CappedReader.ReadAsync(body, response.Content.Headers.ContentLength, options.Value.MaxRequestBytes, "image at the URL", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Uri Check(string? url)
    {
        if (allowList.IsEmpty)
        {
            throw new InputRejectedException("URL input is disabled on this service: no AllowedBlobHosts are configured. Send the image bytes in the request body instead.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new InputRejectedException("The 'url' field must be an absolute URL.");
        }

        var schemeAllowed = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowHttpBlobUrls);
        if (!schemeAllowed)
        {
            throw new InputRejectedException($"The URL scheme '{uri.Scheme}' is not allowed; use https.");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new InputRejectedException("The URL must not carry credentials; use a SAS token in the query instead.");
        }

        return allowList.Allows(uri)
            ? uri
            : throw new InputRejectedException($"The host '{uri.Host}' is not in this service's AllowedBlobHosts.");
    }
}
