using System.Text.Json;
using ShelfReady.SegmentationService.Models;

namespace ShelfReady.SegmentationService.Endpoints;

/// <summary><c>GET /v1/models</c>, <c>GET /healthz</c> and <c>GET /readyz</c>.</summary>
internal static class CatalogEndpoints
{
    public static IResult ListModels(ModelCatalog catalog) =>
        Results.Ok(catalog.Models.Select(m => Describe(m, catalog.DefaultModel)));

    /// <summary>Liveness: the process answers. Never depends on models, so a slow GPU load is not a restart.</summary>
    public static IResult Alive() => Results.Ok(new { status = "alive" });

    /// <summary>Readiness: 200 only with models loaded on the execution provider they were configured for.</summary>
    public static IResult Ready(ModelCatalog catalog)
    {
        var readiness = catalog.Readiness;
        var models = catalog.Models.Select(m => new { name = m.Name, provider = m.Model.Providers.Active, ready = m.Model.Providers.IsReady });
        return readiness.IsReady
            ? Results.Ok(new { status = "ready", models })
            : Results.Json(new { status = "not ready", reason = readiness.Reason, models }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static ModelDescription Describe(LoadedModel model, string defaultModel)
    {
        var card = model.Model.Card;
        return new ModelDescription(
            card.Name,
            card.Family,
            JsonNamingPolicy.CamelCase.ConvertName(card.Task.ToString()),
            card.Input.Width,
            card.Input.Height,
            model.MaxBatch,
            model.Model.Providers.Active,
            model.Model.Providers.IsReady,
            card.Provenance.Licence,
            card.Provenance.CommercialUse,
            card.Name == defaultModel);
    }
}
