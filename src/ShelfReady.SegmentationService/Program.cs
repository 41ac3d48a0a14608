using ShelfReady.SegmentationService;

await using var app = SegmentationServiceApp.Build(args);
await app.RunAsync();
