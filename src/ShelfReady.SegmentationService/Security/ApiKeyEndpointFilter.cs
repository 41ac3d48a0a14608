using Microsoft.Net.Http.Headers;

namespace ShelfReady.SegmentationService.Security;

/// <summary>
/// Requires a valid API key on the endpoints it guards, from <c>X-Api-Key</c> or <c>Authorization: Bearer</c>.
/// Runs before the handler reads the body, so an unauthenticated upload is never decoded.
/// </summary>
internal sealed class ApiKeyEndpointFilter(ApiKeyVerifier verifier) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!verifier.IsRequired || verifier.IsValid(PresentedKey(context.HttpContext.Request)))
        {
            return await next(context).ConfigureAwait(false);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: $"A valid API key is required in the {HeaderName} header or as 'Authorization: Bearer <key>'.");
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key) && key.Count == 1)
        {
            return key[0];
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : null;
    }
}
