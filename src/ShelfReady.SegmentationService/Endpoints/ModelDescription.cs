namespace ShelfReady.SegmentationService.Endpoints;

/// <summary>One loaded model as <c>GET /v1/models</c> lists it.</summary>
/// <param name="Name">The card's name, used to select it.</param>
/// <param name="Family">Model family (e.g. u2net, birefnet).</param>
/// <param name="Task">The card's task: segmentation.</param>
/// <param name="InputWidth">Network input width in pixels.</param>
/// <param name="InputHeight">Network input height in pixels.</param>
/// <param name="MaxBatch">Most requests per inference call as served (1 for a fixed-batch model, else Inference:MaxBatch).</param>
/// <param name="Provider">Active execution provider.</param>
/// <param name="Ready">Whether it runs on the provider it was configured for.</param>
/// <param name="Licence">The model's licence, from the card's provenance.</param>
/// <param name="CommercialUse">Whether the licence permits commercial use.</param>
/// <param name="IsDefault">Used when a request names no model.</param>
public sealed record ModelDescription(
    string Name,
    string Family,
    string Task,
    int InputWidth,
    int InputHeight,
    int MaxBatch,
    string Provider,
    bool Ready,
    string Licence,
    bool CommercialUse,
    bool IsDefault);
