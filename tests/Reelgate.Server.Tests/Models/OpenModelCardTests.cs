using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;
using Reelgate.Testing;

namespace Reelgate.Server.Tests.Models;

/// <summary>The server started on the example catalog file (examples/catalog/open-models.json) as an operator would.</summary>
public sealed class OpenModelsApp : ReelgateApp
{
    protected override int Workers => 0;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Reelgate:Catalog:Path"] = Path.Combine(RepositoryPaths.Root, "examples", "catalog", "open-models.json"),
        ["Reelgate:Pricing:wan2.2-t2v:480p:1s"] = "0.03",
    };
}

public sealed class OpenModelCardTests(OpenModelsApp app) : IClassFixture<OpenModelsApp>
{
    [Fact]
    public async Task Model_card_shows_the_models_own_parameter_table_and_rate_table()
    {
        using var client = app.CreateClient();
        var (status, card) = await Api.GetJsonAsync(client, "/v1/models/wan2.2-t2v");

        status.ShouldBe(HttpStatusCode.OK);
        card["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["prompt", "negative_prompt", "size", "num_frames", "fps", "seed", "num_inference_steps", "guidance_scale"]);
        var frames = card["parameters"]![3]!;
        (
            frames["type"]!.GetValue<string>(),
            frames["minimum"]!.GetValue<long>(),
            frames["maximum"]!.GetValue<long>(),
            frames["default"]!.GetValue<int>())
            .ShouldBe(("integer", 17, 121, 81));
        card["pricing"]!["unit"]!.GetValue<string>().ShouldBe("per second");
        card["pricing"]!["rows"]!.AsArray().Select(r => $"{r!["tier"]} {r["duration"]} {r["amount"]}").ShouldBe([
            "480p 1s 0.03",
            "720p 1s 0.05"]);

        var (_, pricing) = await Api.GetJsonAsync(client, "/v1/pricing");
        pricing["data"]!.AsArray().Select(m => m!["model"]!.GetValue<string>()).ShouldBe(["pixverse-v5-6", "wan2.2-t2v", "wan2.2-i2v"]);
    }

    [Fact]
    public async Task Quote_prices_the_exact_length_of_a_frame_based_request()
    {
        using var client = app.CreateClient();
        var body = new JsonObject { ["model"] = "wan2.2-t2v", ["prompt"] = "a heron", ["num_frames"] = 81, ["fps"] = 16 };
        var (status, quote, response) = await Api.PostJsonAsync(client, "/v1/pricing/quote", body);
        response.Dispose();

        status.ShouldBe(HttpStatusCode.OK);
        (quote["amount"]!.GetValue<string>(), quote["resolution"]!.GetValue<string>(), quote["duration"]!.GetValue<string>())
            .ShouldBe(("0.253125", "1280x720", "6s"));
    }

    [Fact]
    public async Task Submit_echoes_the_models_own_parameters_and_holds_the_price()
    {
        using var key = await app.CreateKeyAsync();
        var job = await Api.SubmitAsync(key.Client, new JsonObject
        {
            ["model"] = "wan2.2-t2v", ["prompt"] = "a heron", ["size"] = "832x480", ["num_frames"] = 33, ["guidance_scale"] = 3.5,
        });

        var request = job["request"]!.AsObject();
        (request["resolution"]!.GetValue<string>(), request["duration"]!.GetValue<string>(), request["audio"]!.GetValue<bool>())
            .ShouldBe(("832x480", "3s", false));
        var own = request["parameters"]!.AsObject();
        own.Select(p => p.Key).ShouldBe(["size", "num_frames", "fps", "num_inference_steps", "guidance_scale"]);
        (own["num_frames"]!.GetValue<int>(), own["fps"]!.GetValue<int>(), own["guidance_scale"]!.GetValue<double>()).ShouldBe(
            (33, 16, 3.5));
        job["cost"]!["amount"]!.GetValue<string>().ShouldBe("0.061875");
    }

    [Fact]
    public async Task Submit_returns_422_naming_the_param_when_an_integer_is_out_of_range()
    {
        using var key = await app.CreateKeyAsync();
        var answer = await Api.PostJsonAsync(key.Client, "/v1/videos/generations",
            new JsonObject { ["model"] = "wan2.2-t2v", ["prompt"] = "a heron", ["num_inference_steps"] = 0 });
        answer.Response.Dispose();

        (answer.Status, answer.Json).ShouldBeError(
            HttpStatusCode.UnprocessableEntity,
            "invalid_request_error",
            "invalid_value",
            "num_inference_steps");
    }

    [Fact]
    public async Task Seed_card_echo_has_no_parameters_field_next_to_open_models()
    {
        using var key = await app.CreateKeyAsync();
        var job = await Api.SubmitAsync(key.Client, Api.Body("a fox"));
        job["request"]!.AsObject().ContainsKey("parameters").ShouldBeFalse();
    }
}
