using System.Text.Json.Nodes;
using Reelgate.Testing;

namespace Reelgate.EndToEnd.Tests;

/// <summary>
/// Behind a proxy: X-Forwarded-Proto and X-Forwarded-Host change the URLs the server builds only when they come from
/// a proxy named in REELGATE_TRUSTED_PROXIES; a client sending them directly is not believed.
/// </summary>
public sealed class PublicUrlTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.0/8,10.0.0.1", true)]
    public async Task Forwarded_headers_are_honoured_only_from_a_trusted_proxy(string? trusted, bool honoured)
    {
        var token = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string> { ["REELGATE_WORKERS"] = "0" };
        if (trusted is not null)
        {
            settings["REELGATE_TRUSTED_PROXIES"] = trusted;
        }

        await using var server = await ServerProcess.StartOnTempDataAsync("public-url", settings, token);
        using var client = server.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/openapi/v1.json", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "videos.example.com");
        using var response = await client.SendAsync(request, token);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(token))!;

        var serverUrl = document["servers"]![0]!["url"]!.GetValue<string>().TrimEnd('/');
        serverUrl.ShouldBe(honoured ? "https://videos.example.com" : server.BaseAddress.ToString().TrimEnd('/'));
        server.Output.ShouldNotContain(line => line.Contains("REELGATE_PUBLIC_URL is not set", StringComparison.Ordinal));
    }
}
