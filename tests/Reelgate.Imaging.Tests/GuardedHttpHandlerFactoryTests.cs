using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Reelgate.Imaging.Networking;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests;

/// <summary>The guarded handler on its own, as a webhook sender would use it: real DNS, real sockets, loopback only.</summary>
public sealed class GuardedHttpHandlerFactoryTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer _server = LoopbackHttpServer.Start();
    private readonly GuardedHttpHandlerFactory _factory = new(new DnsHostResolver(), NullLogger<GuardedHttpHandlerFactory>.Instance);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("2130706433")]
    [InlineData("[::ffff:127.0.0.1]")]
    public async Task Send_throws_refused_without_connecting_when_policy_is_strict(string host)
    {
        using var client = new HttpClient(_factory.Create(new PublicAddressPolicy(false), TimeSpan.FromSeconds(5)));

        var error = await Should.ThrowAsync<HttpRequestException>(
            () => client.GetAsync($"http://{host}:{_server.Port}/hook", TestContext.Current.CancellationToken));

        error.InnerException.ShouldBeOfType<RefusedAddressException>();
        _server.ConnectionCount.ShouldBe(0);
    }

    [Fact]
    public async Task Send_connects_when_policy_allows_private_addresses()
    {
        _server.MapStatus("/hook", 204);
        using var client = new HttpClient(_factory.Create(new PublicAddressPolicy(true), TimeSpan.FromSeconds(5)));

        using var response = await client.GetAsync(_server.Url("/hook"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _server.ConnectionCount.ShouldBe(1);
    }

    [Fact]
    public async Task Send_returns_the_redirect_itself_when_server_redirects()
    {
        _server.MapRedirect("/hook", "http://127.0.0.1:1/elsewhere");
        using var client = new HttpClient(_factory.Create(new PublicAddressPolicy(true), TimeSpan.FromSeconds(5)));

        using var response = await client.GetAsync(_server.Url("/hook"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Send_speaks_http11_when_request_asks_for_http3()
    {
        _server.MapStatus("/hook", 204);
        using var client = new HttpClient(_factory.Create(new PublicAddressPolicy(true), TimeSpan.FromSeconds(5)));
        using var request = new HttpRequestMessage(HttpMethod.Get, _server.Url("/hook"))
        {
            Version = HttpVersion.Version30,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.Version.ShouldBe(HttpVersion.Version11);
        _server.ConnectionCount.ShouldBe(1);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
