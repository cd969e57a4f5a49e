using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Reelgate.Imaging;

/// <summary>The folder where fetched and normalised files wait; each name is fresh, each file deleted after use.</summary>
public sealed class ScratchSpace
{
    private readonly string _directory;
    private readonly ILogger<ScratchSpace> _logger;

    public ScratchSpace(IOptions<ImagingOptions> options, ILogger<ScratchSpace> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _directory = options.Value.ScratchDirectory ?? Path.Combine(Path.GetTempPath(), "reelgate-imaging");
        _logger = logger;
    }

    /// <summary>A path in the scratch folder that no other caller gets (the folder is created when missing).</summary>
    public string NewPath(string suffix)
    {
        Directory.CreateDirectory(_directory);
        return Path.Combine(_directory, $"{Guid.NewGuid():N}{suffix}");
    }

    public void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            ImagingLog.ScratchCleanupFailed(_logger, path, e);
        }
        catch (UnauthorizedAccessException e)
        {
            ImagingLog.ScratchCleanupFailed(_logger, path, e);
        }
    }
}
