using ShelfReady.Orchestration;
using ShelfReady.Pipeline.Settings;
using ShelfReady.Pipeline.Storage;

namespace ShelfReady.Pipeline.Activities;

/// <summary>Reads <c>config/{merchant}/settings.json</c>, or the defaults when the merchant has none.</summary>
public sealed class LoadSettingsActivity(IBlobStore store) : Activity<string, MerchantSettings>
{
    /// <inheritdoc />
    public override async Task<MerchantSettings> RunAsync(ActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = WorkPaths.Settings(input);
        if (await store.GetPropertiesAsync(path, context.CancellationToken).ConfigureAwait(false) is null)
        {
            return MerchantSettings.Default;
        }

        var settings = PipelineJson.Read<MerchantSettings>(await store.ReadAsync(path, context.CancellationToken).ConfigureAwait(false), path.ToString());
        settings.Validate();
        return settings;
    }
}
