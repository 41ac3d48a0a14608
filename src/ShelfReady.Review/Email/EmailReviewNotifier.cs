using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using ShelfReady.Pipeline.Activities;
using ShelfReady.Pipeline.Ports;
using ShelfReady.Pipeline.Workflows;

namespace ShelfReady.Review.Email;

/// <summary>
/// Sends review requests, reminders and escalations by mail: to an SMTP server (MailKit), or as <c>.eml</c>
/// files in the outbox folder. File names are deterministic per request and recipient, so a retried
/// activity overwrites its own file rather than adding another.
/// </summary>
public sealed class EmailReviewNotifier(ReviewMessageBuilder builder, IOptions<ReviewEmailOptions> options) : IReviewNotifier
{
    /// <inheritdoc />
    public async Task NotifyAsync(ReviewRequestRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var request = record.Request;
        var messages = await builder.BuildAsync(request, record.Verdicts ?? [], cancellationToken).ConfigureAwait(false);
        var settings = options.Value;
        if (settings.Transport == MailTransport.Outbox)
        {
            await WriteOutboxAsync(request, messages, settings.OutboxFolder, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var smtp = new SmtpClient();
        var security = settings.Security switch
        {
            SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await smtp.ConnectAsync(settings.SmtpHost ?? throw new InvalidOperationException("Review:Email:SmtpHost is not set."), settings.SmtpPort, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await smtp.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        foreach (var message in messages)
        {
            await smtp.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }

        await smtp.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteOutboxAsync(ReviewRequestInput request, IReadOnlyList<MimeMessage> messages, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var kind = request.Escalation ? "escalation" : request.Reminder ? "reminder" : "request";
        foreach (var message in messages)
        {
            var to = string.Concat(message.To.Mailboxes.First().Address.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
            var path = Path.Combine(folder, $"{request.Job.JobId}-attempt-{request.Attempt.Attempt}-{kind}-{to}.eml");
            var temp = path + ".tmp";
            await message.WriteToAsync(temp, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
    }
}
