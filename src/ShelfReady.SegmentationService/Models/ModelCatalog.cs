using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using NetVips;
using ShelfReady.Inference;
using ShelfReady.Inference.Models;
using ShelfReady.Inference.Segmentation;
using ShelfReady.SegmentationService.Batching;
using ShelfReady.SegmentationService.Diagnostics;
using ShelfReady.SegmentationService.Options;

namespace ShelfReady.SegmentationService.Models;

/// <summary>
/// The segmentation models this process serves, each with its dispatcher, and whether they are ready. A load
/// failure does not stop the process: it stays alive (<c>/healthz</c>) and not ready (<c>/readyz</c>) with the
/// reason, which is what an orchestrator needs to show it.
/// </summary>
internal sealed class ModelCatalog(
    IOptions<SegmentationServiceOptions> options,
    IOptions<InferenceOptions> inference,
    TimeProvider time,
    ILoggerFactory loggers) : IDisposable
{
    private readonly ILogger logger = loggers.CreateLogger<ModelCatalog>();
    private volatile Dictionary<string, LoadedModel> models = new Dictionary<string, LoadedModel>(StringComparer.Ordinal);
    private volatile IReadOnlyList<LoadedModel> ordered = [];
    private volatile string? failure = "Models are loading.";

    /// <summary>Loaded models in name order.</summary>
    public IReadOnlyList<LoadedModel> Models => ordered;

    public string DefaultModel => options.Value.DefaultModel;

    public Readiness Readiness
    {
        get
        {
            if (failure is { } reason)
            {
                return new Readiness(false, reason);
            }

            var notReady = Models.Where(m => !m.Model.Providers.IsReady).Select(m => $"{m.Name}: {m.Model.Providers.NotReadyReason}").ToList();
            return notReady.Count == 0 ? new Readiness(true, null) : new Readiness(false, string.Join(" ", notReady));
        }
    }

    /// <summary>The named model, or the default one when <paramref name="name"/> is empty.</summary>
    public bool TryGet(string? name, [NotNullWhen(true)] out LoadedModel? model) =>
        models.TryGetValue(string.IsNullOrWhiteSpace(name) ? DefaultModel : name, out model);

    /// <summary>Opens the configured models; on failure records the reason and leaves none loaded.</summary>
    public void Load()
    {
        var settings = options.Value;
        var directory = inference.Value.ModelsDirectory;
        var opened = new List<LoadedModel>();
        try
        {
            foreach (var card in SelectCards(settings, directory))
            {
                opened.Add(Open(card, settings));
            }

            if (!opened.Exists(m => m.Name == settings.DefaultModel))
            {
                throw new InvalidOperationException(
                    $"DefaultModel '{settings.DefaultModel}' is not loaded (loaded: {string.Join(", ", opened.Select(m => m.Name))}).");
            }

            models = opened.ToDictionary(m => m.Name, StringComparer.Ordinal);
            ordered = [.. opened.OrderBy(m => m.Name, StringComparer.Ordinal)];
            failure = null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            opened.ForEach(m => m.Dispose());
            failure = ex.Message;
            ServiceLog.ModelsNotLoaded(logger, ex, ex.Message);
        }
    }

    public void Dispose()
    {
        var loaded = models;
        models = new Dictionary<string, LoadedModel>(StringComparer.Ordinal);
        ordered = [];
        failure = "The service is stopping.";
        foreach (var model in loaded.Values)
        {
            model.Dispose();
        }
    }

    private List<ModelCard> SelectCards(SegmentationServiceOptions settings, string directory)
    {
        var cards = ModelCard.LoadAll(directory)
            .Where(c => c.Task == ModelTask.Segmentation)
            .ToList();
        if (settings.Models.Count > 0)
        {
            return [.. settings.Models.Select(name => Licensed(cards.Find(c => c.Name == name)
                ?? throw new InvalidOperationException($"No segmentation model card named '{name}' in {directory} (found: {string.Join(", ", cards.Select(c => c.Name))})."), settings))];
        }

        var usable = new List<ModelCard>();
        foreach (var card in cards)
        {
            if (!card.IsInstalled)
            {
                ServiceLog.ModelSkipped(logger, card.Name, $"its file {card.ModelPath} is not installed");
            }
            else if (!card.Provenance.CommercialUse && !settings.AllowNonCommercialModels)
            {
                ServiceLog.ModelSkipped(logger, card.Name, $"its licence ({card.Provenance.Licence}) does not permit commercial use; set AllowNonCommercialModels to serve it");
            }
            else
            {
                usable.Add(card);
            }
        }

        return usable.Count > 0 ? usable : throw new InvalidOperationException($"No usable segmentation model is installed in {directory}.");
    }

    // A model named explicitly is still refused when its licence forbids commercial use and nobody opted in.
    private static ModelCard Licensed(ModelCard card, SegmentationServiceOptions settings) =>
        card.Provenance.CommercialUse || settings.AllowNonCommercialModels
            ? card
            : throw new InvalidOperationException(
                $"Model '{card.Name}' is licensed {card.Provenance.Licence}, which does not permit commercial use; set SegmentationService:AllowNonCommercialModels=true only for non-commercial deployments.");

    private LoadedModel Open(ModelCard card, SegmentationServiceOptions settings)
    {
        var model = OnnxSegmentationModel.Open(card, inference.Value);
        try
        {
            var dispatcher = new BatchDispatcher<Image, LowResolutionMask>(
                new BatchDispatcherSettings(card.Name, model.MaxBatch, settings.MaxBatchWait, settings.QueueCapacity),
                model.PredictMasks,
                time,
                loggers.CreateLogger<BatchDispatcher<Image, LowResolutionMask>>());
            ServiceLog.ModelLoaded(logger, card.Name, card.Family, model.Providers.Active, model.MaxBatch);
            if (!model.Providers.IsReady)
            {
                ServiceLog.ProviderNotReady(logger, card.Name, model.Providers.NotReadyReason ?? "execution provider not ready");
            }

            return new LoadedModel(model, dispatcher);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
