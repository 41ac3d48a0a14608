namespace ShelfReady.SegmentationService.Composition;

/// <summary>Structured JSON logs on the console, one object per line, for the container's log collector.</summary>
public static class SegmentationServiceLogging
{
    /// <summary>
    /// Replaces the default providers with the JSON console formatter, including scopes, so each line carries
    /// the ASP.NET Core request scope (RequestId, RequestPath) next to the service's own fields.
    /// </summary>
    public static ILoggingBuilder AddSegmentationServiceLogging(this ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        return logging;
    }
}
