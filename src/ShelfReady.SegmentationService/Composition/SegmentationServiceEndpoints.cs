using Microsoft.AspNetCore.Mvc;
using ShelfReady.SegmentationService.Endpoints;
using ShelfReady.SegmentationService.Security;

namespace ShelfReady.SegmentationService.Composition;

/// <summary>Maps the service's endpoints: open probes, and <c>/v1</c> behind the API key.</summary>
public static class SegmentationServiceEndpoints
{
    /// <summary>Adds error handling and maps <c>/healthz</c>, <c>/readyz</c>, <c>POST /v1/segment</c> and <c>GET /v1/models</c>.</summary>
    public static WebApplication MapSegmentationService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.MapGet("/healthz", CatalogEndpoints.Alive);
        app.MapGet("/readyz", CatalogEndpoints.Ready);
        var v1 = app.MapGroup("/v1").AddEndpointFilter<ApiKeyEndpointFilter>();
        v1.MapPost("/segment", ([FromServices] SegmentEndpoint endpoint, HttpContext context) => endpoint.HandleAsync(context));
        v1.MapGet("/models", CatalogEndpoints.ListModels);
        return app;
    }
}
