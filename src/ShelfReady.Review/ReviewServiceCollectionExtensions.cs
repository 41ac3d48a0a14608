using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Review.Decisions;
using ShelfReady.Review.Email;
using ShelfReady.Review.Images;
using ShelfReady.Review.Links;

namespace ShelfReady.Review;

/// <summary>Registers the review loop; the host adds its own <see cref="IReviewDecisionSink"/>.</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>Adds link signing, the decision recorder, review images, the email notifier and their options.</summary>
    public static IServiceCollection AddShelfReadyReview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReviewEmailOptions>().Bind(configuration.GetSection(ReviewEmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReviewLinkSigner>();
        services.AddSingleton<ReviewRequests>();
        services.AddSingleton<ReviewImages>();
        services.AddSingleton<CorrectedCutouts>();
        services.AddSingleton<ReviewDecisionRecorder>();
        services.AddSingleton<ReviewMessageBuilder>();
        services.AddSingleton<IReviewNotifier, EmailReviewNotifier>();
        return services;
    }
}
