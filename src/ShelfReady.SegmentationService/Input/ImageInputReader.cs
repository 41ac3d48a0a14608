using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using ShelfReady.SegmentationService.Options;

namespace ShelfReady.SegmentationService.Input;

/// <summary>
/// Gets a request's image bytes: the body itself for any image content type, or, for a JSON body
/// <c>{"url": "…"}</c>, the blob it names via <see cref="BlobFetcher"/>. Both are capped at
/// <see cref="SegmentationServiceOptions.MaxRequestBytes"/>; the format is judged later from the bytes.
/// </summary>
internal sealed class ImageInputReader(BlobFetcher fetcher, IOptions<SegmentationServiceOptions> options)
{
    private const long MaxJsonBytes = 16 * 1024;

    public async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maxBytes = options.Value.MaxRequestBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel's own 30 MB default would otherwise refuse before our cap, or never if ours is larger.
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        try
        {
            if (!request.HasJsonContentType())
            {
                return await CappedReader.ReadAsync(request.Body, request.ContentLength, maxBytes, "request body", cancellationToken).ConfigureAwait(false);
            }

            var json = await CappedReader.ReadAsync(request.Body, request.ContentLength, MaxJsonBytes, "JSON body", cancellationToken).ConfigureAwait(false);
            return await fetcher.FetchAsync(UrlOf(json), cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            throw new InputRejectedException(ex.StatusCode, ex.Message, ex);
        }
    }

    private static string UrlOf(byte[] json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("url", out var url)
                && url.ValueKind == JsonValueKind.String
                ? url.GetString()!
                : throw new InputRejectedException("A JSON body must be an object with a string 'url' field, e.g. {\"url\": \"https://account.blob.core.windows.net/uploads/shot.jpg\"}.");
        }
        catch (JsonException ex)
        {
            throw new InputRejectedException($"The JSON body is not valid JSON ({ex.Message}).", ex);
        }
    }
}
