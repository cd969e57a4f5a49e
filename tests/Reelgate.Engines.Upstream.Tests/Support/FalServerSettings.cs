namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>The environment of a built server whose only engine is fal at a fake's address, polling fast, one worker.</summary>
public static class FalServerSettings
{
    public static Dictionary<string, string> For(Uri falBaseUrl, string key) => new()
    {
        ["Reelgate__Engines__0"] = "fal",
        ["REELGATE_FAL_KEY"] = key,
        ["Reelgate__Upstreams__Outputs__PrivateHosts__0"] = falBaseUrl.Host,
        ["Reelgate__Upstreams__Fal__BaseUrl"] = falBaseUrl.AbsoluteUri,
        ["Reelgate__Upstreams__Fal__PollInterval"] = "00:00:00.100",
        ["Reelgate__Upstreams__Fal__MaxPollInterval"] = "00:00:00.200",
        ["Reelgate__Workers__PollInterval"] = "00:00:00.200",
        ["REELGATE_WORKERS"] = "1",
    };
}
