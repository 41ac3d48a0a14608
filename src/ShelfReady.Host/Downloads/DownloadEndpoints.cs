using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using ShelfReady.Pipeline.Storage;
using ShelfReady.Review.Links;

namespace ShelfReady.Host.Downloads;

/// <summary><c>GET /files/{token}</c>: the delivered file a signed download link names, and only delivered files.</summary>
public static class DownloadEndpoints
{
    // ASP.NET's table names zip by an old Windows type; IANA registers application/zip.
    private static readonly FileExtensionContentTypeProvider ContentTypes = new() { Mappings = { [".zip"] = "application/zip" } };

    /// <summary>Maps the download endpoint.</summary>
    public static IEndpointRouteBuilder MapShelfReadyDownloads(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/files/{token}", DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(string token, ReviewLinkSigner signer, IBlobStore store, HttpContext http, CancellationToken cancellationToken)
    {
        // The token is the credential: keep it out of caches and Referers like a review link.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        var check = signer.VerifyFile(token);
        if (check.Link is not { } link)
        {
            return Results.Text(Refusal(check.Failure), statusCode: StatusCodes.Status403Forbidden);
        }

        if (link.Container != BlobContainers.Exports)
        {
            return Results.NotFound();
        }

        var path = new BlobPath(link.Container, link.Name);
        try
        {
            var bytes = await store.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            var type = ContentTypes.TryGetContentType(path.FileName, out var known) ? known : "application/octet-stream";
            return Results.File(bytes, type, path.FileName);
        }
        catch (BlobNotFoundException)
        {
            return Results.Text("This file is no longer delivered here.", statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static string Refusal(LinkFailure failure) => failure switch
    {
        LinkFailure.Expired => "This download link has expired: ask for the delivery again.",
        LinkFailure.Tampered => "This download link has been changed since it was sent.",
        LinkFailure.UnknownKey => "This download link was signed with a key that is no longer in use.",
        _ => "This is not a valid download link.",
    };
}
