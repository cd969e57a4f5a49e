using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reelgate.Core.Ports;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Infrastructure;

/// <summary>
/// The real server in process (WebApplicationFactory) over a real SQLite file in a temp folder, with the
/// test engine in place of the local one. Keys are made through the API with the admin key.
/// </summary>
public class ReelgateApp : WebApplicationFactory<Program>
{
    public const string AdminKey = "rg_test_admin_key_0123456789abcdefghij";
    private readonly TempDirectory _data = new("server");

    /// <summary>Worker slots of the app; 0 keeps every job queued (fast validation tests).</summary>
    protected virtual int Workers => 2;

    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public string DataDirectory => _data.Path;

    public ShiftableTimeProvider Clock { get; } = new();

    public TestEngineControl Engine { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Reelgate:DataDir", _data.Path);
        builder.UseSetting("Reelgate:AdminKey", AdminKey);
        builder.UseSetting("Reelgate:Workers:Count", Workers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Reelgate:Workers:Lease", "00:00:05");
        builder.UseSetting("Reelgate:Workers:PollInterval", "00:00:00.200");
        builder.UseSetting("Reelgate:Workers:ProgressInterval", "00:00:00.100");
        builder.UseSetting("Reelgate:Workers:RetryBackoff", "00:00:00.300");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Limits, set here rather than left to the defaults: tests make many keys and many requests from one
        // address; the defaults themselves are tested by LimitsTests.
        builder.UseSetting("Reelgate:Limits:Defaults:RequestsPerMinute", "100000");
        builder.UseSetting("Reelgate:Limits:Defaults:JobsInFlight", "10000");
        builder.UseSetting("Reelgate:Limits:Defaults:UploadBytes", "10737418240");
        builder.UseSetting("Reelgate:Limits:AnonymousRequestsPerMinute", "100000");
        builder.UseSetting("Reelgate:Limits:FailedAuthenticationsPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IVideoEngine>();
            services.AddSingleton(Engine);
            services.AddSingleton<IVideoEngine, TestVideoEngine>();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient Admin() => ClientWith(AdminKey);

    public HttpClient ClientWith(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A new key made through POST /v1/keys, and a client that uses it.</summary>
    public async Task<TestKey> CreateKeyAsync(string credits = "100.00", JsonObject? limits = null, bool admin = false)
    {
        var body = new JsonObject { ["name"] = "test key", ["credits"] = credits, ["admin"] = admin };
        if (limits is not null)
        {
            body["limits"] = limits;
        }

        using var admin_ = Admin();
        using var response = await admin_.PostAsJsonAsync("/v1/keys", body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
        return new TestKey(
            created["id"]!.GetValue<string>(),
            created["key"]!.GetValue<string>(),
            ClientWith(created["key"]!.GetValue<string>()));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}

/// <summary>A key made for a test: its id, its secret and a client authenticated with it.</summary>
public sealed record TestKey(string Id, string Secret, HttpClient Client) : IDisposable
{
    public void Dispose() => Client.Dispose();
}

/// <summary>The app with no workers: jobs stay queued, for validation and billing-at-submit tests.</summary>
public sealed class ApiOnlyApp : ReelgateApp
{
    protected override int Workers => 0;
}
