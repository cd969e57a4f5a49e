namespace Reelgate.Engines.Upstream.OpenAiVideo;

/// <summary>
/// Servers speaking the OpenAI video protocol (POST /v1/videos, GET /v1/videos/{id}, GET /v1/videos/{id}/content):
/// SGLang Diffusion, vLLM-Omni, NVIDIA Dynamo in front of either, or OpenAI itself. Section
/// "Reelgate:Upstreams:OpenAiVideo"; the engine is registered when <see cref="BaseUrls"/> names at least one server.
/// The key (optional: self-hosted servers usually have none) may come from REELGATE_OPENAI_VIDEO_API_KEY.
/// </summary>
public sealed class OpenAiVideoOptions : UpstreamOptions
{
    public const string SectionName = "Reelgate:Upstreams:OpenAiVideo";
    public const string KeyVariable = "REELGATE_OPENAI_VIDEO_API_KEY";

    public OpenAiVideoOptions()
    {
        PollInterval = TimeSpan.FromSeconds(2);
        Timeout = TimeSpan.FromMinutes(60);
    }

    /// <summary>Which server's fields to send: "sglang", "vllm-omni" or "openai" (see <see cref="OpenAiVideoDialect"/>).</summary>
    public string Dialect { get; set; } = OpenAiVideoDialect.Sglang;

    /// <summary>The GPU servers, each the root of its API ("http://10.0.0.7:30000"); operator-named, so private addresses are
    /// fine.</summary>
    public List<string> BaseUrls { get; set; } = [];

    /// <summary>Jobs each server runs at once, by the position of its URL in <see cref="BaseUrls"/>; a missing entry is 1.</summary>
    public List<int> Capacities { get; set; } = [];

    /// <summary>The path probed to tell a server is back after it was taken out ("/health"; "/v1/models" for openai when empty).</summary>
    public string? HealthPath { get; set; }

    /// <summary>How long a server that failed a connect or a health check stays out before it is probed again.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int CapacityOf(int index) => index < Capacities.Count ? Capacities[index] : 1;
}
