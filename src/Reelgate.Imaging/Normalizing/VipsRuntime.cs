using NetVips;

namespace Reelgate.Imaging.Normalizing;

/// <summary>
/// libvips is configured per process, not per object, so this is done once: no operation cache (each
/// input is seen once, and the cache would hold decoded pixels), only the JPEG, PNG and WebP loaders may
/// run (the SVG, PDF, TIFF, GIF, HEIF, ... loaders are blocked even if a file slips past the sniffer), and
/// libvips warnings are dropped (a broken file surfaces as an exception, and stderr is not a log).
/// </summary>
internal static class VipsRuntime
{
    private static readonly Lazy<bool> Configured = new(Configure, LazyThreadSafetyMode.ExecutionAndPublication);

    // Kept alive here: libvips calls it through a native pointer.
    private static readonly Log.LogDelegate DropMessage = (_, _, _) => { };

    public static void EnsureConfigured() => _ = Configured.Value;

    private static bool Configure()
    {
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
        Operation.Block("VipsForeignLoad", true);
        Operation.Block("VipsForeignLoadJpeg", false);
        Operation.Block("VipsForeignLoadPng", false);
        Operation.Block("VipsForeignLoadWebp", false);
        Log.SetLogHandler(
            "VIPS",
            Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info | Enums.LogLevelFlags.Debug,
            DropMessage);
        return true;
    }
}
