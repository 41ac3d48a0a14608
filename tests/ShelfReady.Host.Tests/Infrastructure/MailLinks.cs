using System.Text.RegularExpressions;

namespace ShelfReady.Host.Tests.Infrastructure;

/// <summary>The links a review mail carries, found in its plain-text part as a reviewer's eye would.</summary>
internal static partial class MailLinks
{
    /// <summary>The signed link to the review page.</summary>
    public static Uri Review(string? text) => Find(ReviewPattern(), text, "a review link");

    /// <summary>The signed link to the batch's queue.</summary>
    public static Uri Queue(string? text) => Find(QueuePattern(), text, "a queue link");

    private static Uri Find(Regex pattern, string? text, string what)
    {
        var match = pattern.Match(text ?? "");
        Assert.True(match.Success, $"The mail has no {what}:\n{text}");
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https?://[^/\s]+/review/[A-Za-z0-9_\-]+\.[A-Za-z0-9_.\-]+")]
    private static partial Regex ReviewPattern();

    [GeneratedRegex(@"https?://[^/\s]+/review/queue/[A-Za-z0-9_.\-]+\?batch=\S+")]
    private static partial Regex QueuePattern();
}
