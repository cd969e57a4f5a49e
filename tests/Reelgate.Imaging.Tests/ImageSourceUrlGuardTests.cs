using System.Net;
using Reelgate.Imaging.Normalizing;
using Reelgate.Imaging.Tests.Support;
using Reelgate.Testing;

namespace Reelgate.Imaging.Tests;

/// <summary>
/// The SSRF table, with private URLs off (the default). Every refused form is answered 422 naming the param,
/// and no connection is made: the loopback server counts none, and the socket connect step (a recorder that
/// could only ever reach loopback anyway) is never asked for one.
/// </summary>
public sealed class ImageSourceUrlGuardTests : IAsyncLifetime
{
    private static readonly IPAddress PublicTestAddress = IPAddress.Parse("11.22.33.44");

    private readonly LoopbackHttpServer _server = LoopbackHttpServer.Start();
    private readonly LoopbackHttpServer _target = LoopbackHttpServer.Start();
    private readonly RecordingConnector _connector = new();
    private readonly FakeHostResolver _resolver = new FakeHostResolver()
        .Answer("cdn.example.test", "11.22.33.44")
        .Answer("internal.example.test", "10.1.2.3")
        .Answer("metadata.example.test", "169.254.169.254")
        .Answer("mixed.example.test", "11.22.33.44", "192.168.1.20")
        .Answer("ula.example.test", "fd00::1")
        .Answer("mapped.example.test", "::ffff:127.0.0.1")
        .Answer("loopback.example.test", "127.0.0.1")
        .Answer("loopback6.example.test", "::1");

    private readonly ImagingHarness _harness;

    public ImageSourceUrlGuardTests()
    {
        _harness = new ImagingHarness(allowPrivateUrls: false, _resolver, _connector);
        _connector.Route(new IPEndPoint(PublicTestAddress, _server.Port), new IPEndPoint(IPAddress.Loopback, _server.Port));
        _server.MapBytes("/ok.png", TestImages.Gradient(320, 320, ImageFormat.Png), "image/png");
        _target.MapBytes("/i.png", TestImages.Gradient(320, 320, ImageFormat.Png), "image/png");
    }

    /// <summary>Hosts that mean the loopback server itself, spelled every way; {port} is the target server's.</summary>
    public static TheoryData<string> LoopbackForms() =>
    [
        "127.0.0.1", "127.0.0.2", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.1", "017700000001",
        "127.0.0.1.", "localhost", "LOCALHOST.", "images.localhost", "0.0.0.0", "0",
        "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:ffff:7f00:1]", "[::127.0.0.1]",
        "loopback.example.test", "loopback6.example.test", "mapped.example.test",
    ];

    /// <summary>Every other refused range, IPv4 and IPv6, literal or behind a name.</summary>
    public static TheoryData<string> RefusedHosts() =>
    [
        "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.0.1", "192.168.255.255",
        "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250",
        "255.255.255.255", "240.0.0.1", "192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1",
        "192.88.99.1",
        "[fe80::1]", "[fe80::1%25lo]", "[fe80::a9fe:a9fe%25eth0]", "[fc00::1]", "[fd12:3456::1]", "[fd00:ec2::254]", "[fec0::1]",
        "[ff02::1]", "[::]",
        "[2001:db8::1]", "[3fff::1]", "[100::1]",
        "[::ffff:10.0.0.1]", "[::ffff:a9fe:a9fe]",
        "[64:ff9b::a00:1]", "[64:ff9b::7f00:1]", "[64:ff9b::a9fe:a9fe]", "[64:ff9b:1::1]",
        "[2002:7f00:1::1]", "[2002:a00:1::1]", "[2002:a9fe:a9fe::1]",
        "[2001:0:4136:e378:8000:63bf:f5ff:fffe]", "[2001:0:7f00:1:8000:63bf:0b16:2c2b]",
        "internal.example.test", "metadata.example.test", "mixed.example.test", "ula.example.test",
    ];

    [Theory]
    [MemberData(nameof(LoopbackForms))]
    public async Task Resolve_refuses_without_connecting_when_host_is_a_loopback_spelling(string host)
    {
        var outcome = await _harness.ResolveAsync($"http://{host}:{_target.Port}/i.png", "image_end");

        outcome.Failure.ShouldNotBeNull();
        (outcome.Failure.Code, outcome.Failure.Param, outcome.Failure.Kind)
            .ShouldBe((ImageErrorCodes.AddressRefused, "image_end", Core.FailureKind.Unprocessable));
        outcome.Failure.Message.ShouldStartWith("image_end: ");
        outcome.Failure.Message.ShouldContain("only public addresses are fetched");
        _connector.Attempts.ShouldBeEmpty();
        _target.ConnectionCount.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(RefusedHosts))]
    public async Task Resolve_refuses_without_connecting_when_host_is_in_a_refused_range(string host)
    {
        var outcome = await _harness.ResolveAsync($"http://{host}/image.png");

        outcome.Failure.ShouldNotBeNull();
        (outcome.Failure.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.AddressRefused, "image"));
        _connector.Attempts.ShouldBeEmpty();
    }

    public static TheoryData<string> RefusedRedirectTargets() =>
    [
        "http://127.0.0.1:{port}/i.png", "http://localhost:{port}/i.png", "http://[::1]:{port}/i.png",
        "http://2130706433:{port}/i.png", "http://[::ffff:127.0.0.1]:{port}/i.png", "http://loopback.example.test:{port}/i.png",
        "http://internal.example.test/i.png", "http://169.254.169.254/latest/meta-data/", "https://10.0.0.1/i.png",
    ];

    [Theory]
    [MemberData(nameof(RefusedRedirectTargets))]
    public async Task Resolve_refuses_redirect_without_connecting_when_it_leads_to_a_refused_address(string location)
    {
        _server.MapRedirect(
            "/start",
            location.Replace("{port}", _target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var outcome = await _harness.ResolveAsync($"http://cdn.example.test:{_server.Port}/start");

        outcome.Failure.ShouldNotBeNull();
        (outcome.Failure.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.AddressRefused, "image"));
        _server.ConnectionCount.ShouldBe(1);
        _target.ConnectionCount.ShouldBe(0);
        _connector.Attempts.ShouldBe([new IPEndPoint(PublicTestAddress, _server.Port)]);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://cdn.example.test/i.png")]
    [InlineData("gopher://cdn.example.test:70/_")]
    public async Task Resolve_refuses_redirect_when_scheme_is_not_http(string location)
    {
        _server.MapRedirect("/start", location);

        var outcome = await _harness.ResolveAsync($"http://cdn.example.test:{_server.Port}/start");

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.AddressRefused, "image"));
        outcome.Failure.Message.ShouldContain("only http and https are fetched");
        _connector.Attempts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Resolve_fetches_from_the_checked_address_when_host_name_is_public()
    {
        var outcome = await _harness.ResolveAsync($"http://cdn.example.test:{_server.Port}/ok.png");

        outcome.Failure.ShouldBeNull();
        _connector.Attempts.ShouldBe([new IPEndPoint(PublicTestAddress, _server.Port)]);
    }

    [Fact]
    public async Task Resolve_resolves_once_and_connects_to_that_answer_when_dns_answer_changes()
    {
        _resolver.Answer("rebind.example.test", [PublicTestAddress], [IPAddress.Loopback]);

        var outcome = await _harness.ResolveAsync($"http://rebind.example.test:{_server.Port}/ok.png");

        outcome.Failure.ShouldBeNull();
        _resolver.Lookups.Count(name => name == "rebind.example.test").ShouldBe(1);
        _connector.Attempts.ShouldBe([new IPEndPoint(PublicTestAddress, _server.Port)]);
    }

    [Fact]
    public async Task Resolve_returns_422_too_many_redirects_when_there_are_four()
    {
        _server.MapRedirect("/a", "/b");
        _server.MapRedirect("/b", "/c");
        _server.MapRedirect("/c", "/d");
        _server.MapRedirect("/d", "/ok.png");

        var outcome = await _harness.ResolveAsync($"http://cdn.example.test:{_server.Port}/a");

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.TooManyRedirects, "image"));
        _server.Requests.Select(r => r.Path).ShouldBe(["/a", "/b", "/c", "/d"]);
    }

    [Fact]
    public async Task Resolve_returns_422_unreachable_when_host_does_not_resolve()
    {
        var outcome = await _harness.ResolveAsync("https://nowhere.example.test/i.png");

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.Unreachable, "image"));
        outcome.Failure.Message.ShouldBe("image: the host nowhere.example.test could not be resolved");
    }

    [Fact]
    public async Task Resolve_returns_422_unreachable_when_server_answers_404()
    {
        var outcome = await _harness.ResolveAsync($"http://cdn.example.test:{_server.Port}/missing.png?sig=abc");

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.Unreachable, "image"));
        outcome.Failure.Message.ShouldBe("image: cdn.example.test answered HTTP 404 for the image URL");
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://cdn.example.test/i.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("not a url")]
    public async Task Resolve_returns_422_invalid_value_when_reference_is_no_url_data_uri_or_upload(string reference)
    {
        var outcome = await _harness.ResolveAsync(reference);

        (outcome.Failure!.Code, outcome.Failure.Param).ShouldBe((ImageErrorCodes.InvalidReference, "image"));
        _connector.Attempts.ShouldBeEmpty();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _server.DisposeAsync();
        await _target.DisposeAsync();
    }
}
