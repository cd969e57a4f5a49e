using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Reelgate.Core.Catalog;
using Reelgate.Core.Validation;
using Reelgate.Engines.Upstream.OpenAiVideo;

namespace Reelgate.Engines.Upstream.Tests.Support;

/// <summary>Settings of the openai-video engine over fake GPU servers, and requests parsed by the example catalog's cards.</summary>
public static class GpuServers
{
    public const string T2vModel = "Wan-AI/Wan2.2-T2V-A14B-Diffusers";
    public const string I2vModel = "Wan-AI/Wan2.2-I2V-A14B-Diffusers";

    private static readonly GenerationRequestParser Parser = new(LoadExample());

    public static Dictionary<string, string?> Settings(
        string dialect,
        IReadOnlyList<Uri> servers,
        IReadOnlyList<int>? capacities = null,
        params (string Key, string Value)[] extra)
    {
        const string section = OpenAiVideoOptions.SectionName;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{section}:Dialect"] = dialect,
            [$"{section}:PollInterval"] = "00:00:00.020",
            [$"{section}:MaxPollInterval"] = "00:00:00.100",
            [$"{section}:RetryDelay"] = "00:00:00.010",
            [$"{section}:RequestTimeout"] = "00:00:05",
            [$"{section}:Timeout"] = "00:01:00",
            [$"{section}:ProbeInterval"] = "00:00:00.050",
            [$"{section}:Models:wan2.2-t2v"] = T2vModel,
            [$"{section}:Models:wan2.2-i2v"] = I2vModel,
        };
        for (var i = 0; i < servers.Count; i++)
        {
            settings[$"{section}:BaseUrls:{i.ToString(CultureInfo.InvariantCulture)}"] = servers[i].AbsoluteUri.TrimEnd('/');
        }

        for (var i = 0; i < (capacities?.Count ?? 0); i++)
        {
            settings[$"{section}:Capacities:{i.ToString(CultureInfo.InvariantCulture)}"] = capacities![i].ToString(
                CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extra)
        {
            settings[$"{section}:{key}"] = value;
        }

        return settings;
    }

    public static GenerationSpec Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parser.Parse(document.RootElement, randomSeed: 5).Value
            ?? throw new InvalidOperationException("the request does not parse: " + json);
    }

    /// <summary>A loopback URL where nothing listens: a connect is refused at once.</summary>
    public static Uri DeadServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    private static ModelCatalog LoadExample()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "open-models.json"));
        return ModelCatalog.Load(file);
    }
}
