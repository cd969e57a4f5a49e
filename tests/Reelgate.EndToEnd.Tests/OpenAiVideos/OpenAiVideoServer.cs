using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests.OpenAiVideos;

/// <summary>The built server with two workers, a key with credit for the OpenAI protocol tests, and a reference image.</summary>
public sealed class OpenAiVideoServer : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private OpenAiVideoServer(TempDirectory data, ServerProcess server, string key, string referenceImage)
    {
        _data = data;
        Server = server;
        Key = key;
        ReferenceImage = referenceImage;
    }

    public ServerProcess Server { get; }

    /// <summary>A key with 50.00 USD of credit, made through the seed's API.</summary>
    public string Key { get; }

    /// <summary>A 320x240 PNG drawn by ffmpeg.</summary>
    public string ReferenceImage { get; }

    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(_data.Path, name)).FullName;

    public static async Task<OpenAiVideoServer> StartAsync(CancellationToken token)
    {
        var data = new TempDirectory("openai-videos");
        var server = new ServerProcess(
            Path.Combine(data.Path, "server"),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["REELGATE_WORKERS"] = "2" });
        await server.StartAsync(token);
        using var admin = server.Client();
        using var created = await admin.PostAsJsonAsync(
            "/v1/keys",
            new JsonObject { ["name"] = "openai sdk", ["credits"] = "50.00" },
            token);
        created.EnsureSuccessStatusCode();
        var key = (await created.Content.ReadFromJsonAsync<JsonObject>(token))!["key"]!.GetValue<string>();
        var image = Path.Combine(data.Path, "reference.png");
        await TestMedia.WriteStillAsync(image, "testsrc2=size=320x240", token);
        return new OpenAiVideoServer(data, server, key, image);
    }

    /// <summary>The job as the seed's API shows it (a video made on the protocol is a job there too).</summary>
    public async Task<JsonObject> JobAsync(string id, CancellationToken token)
    {
        using var client = Server.Client(Key);
        return (await client.GetFromJsonAsync<JsonObject>(new Uri($"/v1/jobs/{id}", UriKind.Relative), token))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _data.Dispose();
    }
}
