namespace Reelgate.Server.Features.Files;

/// <summary>
/// Reads the signing keyring again every <see cref="UrlSigner.RefreshInterval"/>, so keys added or retired on another node reach this one.
/// </summary>
public sealed partial class SigningKeyRefresher(UrlSigner signer, TimeProvider time, ILogger<SigningKeyRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(UrlSigner.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await signer.RefreshAsync(force: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "Could not read the signing keys again; keeping the ones loaded")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
