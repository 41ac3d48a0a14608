using ShelfReady.SegmentationService.Composition;

namespace ShelfReady.SegmentationService;

/// <summary>Builds the segmentation web application; <c>Program</c>, the tests and the benchmark all start this one.</summary>
public static class SegmentationServiceApp
{
    /// <summary>
    /// Builds the application from command-line arguments (<c>--urls</c>, <c>--environment</c>,
    /// <c>--Inference:MaxBatch=4</c>, …) layered over appsettings and environment variables.
    /// </summary>
    public static WebApplication Build(string[] args)
    {
        // Content root is the build output, where appsettings*.json are copied, so `dotnet run --project`
        // from any directory reads the same settings; the models directory is resolved separately.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddSegmentationServiceLogging();
        builder.Services.AddSegmentationService(builder.Configuration);
        var app = builder.Build();
        app.MapSegmentationService();
        return app;
    }
}
