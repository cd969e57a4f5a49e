using System.Net;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Generations;

/// <summary>Every rule of the seed's parameter table, through the real HTTP pipeline.</summary>
public sealed class SubmitValidationTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>, IAsyncLifetime
{
    private TestKey _key = null!;

    public async ValueTask InitializeAsync() => _key = await app.CreateKeyAsync("10000.00");

    public ValueTask DisposeAsync()
    {
        _key.Dispose();
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string, string, string> AcceptedValues() => new()
    {
        { "mode", "t2v", "t2v" },
        { "resolution", "360p", "360p" },
        { "resolution", "540p", "540p" },
        { "resolution", "720p", "720p" },
        { "resolution", "1080p", "1080p" },
        { "aspect_ratio", "16:9", "16:9" },
        { "aspect_ratio", "4:3", "4:3" },
        { "aspect_ratio", "1:1", "1:1" },
        { "aspect_ratio", "3:4", "3:4" },
        { "aspect_ratio", "9:16", "9:16" },
        { "duration", "5s", "5s" },
        { "duration", "8s", "8s" },
        { "style", "none", "none" },
        { "style", "anime", "anime" },
        { "style", "3d_animation", "3d_animation" },
        { "style", "clay", "clay" },
        { "style", "comic", "comic" },
        { "style", "cyberpunk", "cyberpunk" },
        { "thinking", "auto", "auto" },
        { "thinking", "enabled", "enabled" },
        { "thinking", "disabled", "disabled" },
    };

    [Theory]
    [MemberData(nameof(AcceptedValues))]
    public async Task Submit_accepts_each_value_of_the_parameter_table(string field, string value, string echoed)
    {
        var job = await Api.SubmitAsync(_key.Client, Api.Body("x", (field, value)));
        job["request"]![field]!.GetValue<string>().ShouldBe(echoed);
    }

    [Theory]
    [InlineData(5, "5s")]
    [InlineData(8, "8s")]
    public async Task Submit_accepts_duration_as_an_integer(int seconds, string echoed)
    {
        var job = await Api.SubmitAsync(_key.Client, Api.Body("x", ("duration", seconds)));
        job["request"]!["duration"]!.GetValue<string>().ShouldBe(echoed);
    }

    [Theory]
    [InlineData("10s")]
    [InlineData(null)]
    public async Task Submit_accepts_10s_below_1080p(string? asString)
    {
        JsonNode duration = asString is null ? JsonValue.Create(10) : JsonValue.Create(asString);
        var job = await Api.SubmitAsync(_key.Client, Api.Body("x", ("duration", duration), ("resolution", "720p")));
        job["request"]!["duration"]!.GetValue<string>().ShouldBe("10s");
        job["cost"]!["amount"]!.GetValue<string>().ShouldBe("2.86");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Submit_accepts_audio_as_a_boolean(bool audio)
    {
        var job = await Api.SubmitAsync(_key.Client, Api.Body("x", ("audio", audio)));
        job["request"]!["audio"]!.GetValue<bool>().ShouldBe(audio);
    }

    public static TheoryData<string, string, string> RefusedValues() => new()
    {
        { "mode", "\"T2V\"", "invalid_value" },
        { "mode", "\"video\"", "invalid_value" },
        { "resolution", "\"1080P\"", "invalid_value" },
        { "resolution", "\"480p\"", "invalid_value" },
        { "resolution", "1080", "invalid_type" },
        { "aspect_ratio", "\"3:2\"", "invalid_value" },
        { "aspect_ratio", "\"16x9\"", "invalid_value" },
        { "duration", "\"5\"", "invalid_value" },
        { "duration", "\"10 s\"", "invalid_value" },
        { "duration", "6", "invalid_value" },
        { "duration", "5.5", "invalid_value" },
        { "duration", "true", "invalid_type" },
        { "audio", "\"true\"", "invalid_type" },
        { "audio", "1", "invalid_type" },
        { "style", "\"Anime\"", "invalid_value" },
        { "style", "\"3d\"", "invalid_value" },
        { "thinking", "\"yes\"", "invalid_value" },
        { "thinking", "false", "invalid_type" },
        { "seed", "-1", "invalid_value" },
        { "seed", "2147483648", "invalid_value" },
        { "seed", "99999999999999999999999999", "invalid_value" },
        { "seed", "1e400", "invalid_type" },
        { "seed", "1.5", "invalid_type" },
        { "seed", "\"42\"", "invalid_type" },
        { "prompt", "42", "invalid_type" },
        { "prompt", "\"   \"", "invalid_value" },
        { "prompt", "\"bell\\u0007\"", "invalid_value" },
        { "prompt", "\"nul\\u0000\"", "invalid_value" },
        { "negative_prompt", "[\"a\"]", "invalid_type" },
        { "metadata", "{\"a\": 1}", "invalid_type" },
        { "metadata", "\"a=b\"", "invalid_type" },
        { "webhook_url", "\"ftp://example.test/hook\"", "invalid_value" },
        { "webhook_url", "\"not a url\"", "invalid_value" },
        { "model", "\"pixverse-v9\"", "model_not_found" },
        { "model", "7", "invalid_type" },
    };

    [Theory]
    [MemberData(nameof(RefusedValues))]
    public async Task Submit_returns_422_naming_the_param_when_a_value_is_refused(string field, string rawJson, string code)
    {
        var body = Api.Body("x");
        body[field] = JsonNode.Parse(rawJson);
        var (status, json, response) = await Api.PostJsonAsync(_key.Client, "/v1/videos/generations", body);
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", code, field);
    }

    [Theory]
    [InlineData("prompt")]
    [InlineData("negative_prompt")]
    public async Task Submit_returns_422_when_a_text_is_over_2048_characters(string field)
    {
        var (status, json, response) = await Api.PostJsonAsync(
            _key.Client,
            "/v1/videos/generations",
            Api.Body("x", (field, new string('é', 2049))));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "string_too_long", field);
        (await Api.SubmitAsync(_key.Client, Api.Body("x", (field, new string('é', 2048)))))["status"]!.GetValue<string>().ShouldBe(
            "queued");
    }

    [Fact]
    public async Task Submit_returns_422_when_10s_at_1080p()
    {
        var (status, json, response) = await Api.PostJsonAsync(
            _key.Client,
            "/v1/videos/generations",
            Api.Body("x", ("duration", "10s"), ("resolution", "1080p")));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "unsupported_combination", "duration");
        json["error"]!["message"]!.GetValue<string>().ShouldBe("duration 10s is not available at 1080p; use 5s or 8s");
    }

    [Fact]
    public async Task Submit_returns_422_when_10s_is_asked_at_the_default_resolution()
    {
        var (status, json, response) = await Api.PostJsonAsync(_key.Client, "/v1/videos/generations", Api.Body("x", ("duration", 10)));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "unsupported_combination", "duration");
    }

    [Fact]
    public async Task Submit_returns_422_when_i2v_has_no_image()
    {
        var (status, json, response) = await Api.PostJsonAsync(_key.Client, "/v1/videos/generations", Api.Body("x", ("mode", "i2v")));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "missing_parameter", "image");
    }

    [Theory]
    [InlineData("image")]
    [InlineData("image_end")]
    public async Task Submit_returns_422_when_t2v_is_given_an_image(string field)
    {
        var (status, json, response) = await Api.PostJsonAsync(
            _key.Client,
            "/v1/videos/generations",
            Api.Body("x", (field, "https://example.test/cat.jpg")));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "invalid_value", field);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/html;base64,PGgxPg==")]
    [InlineData("upl_")]
    public async Task Submit_returns_422_when_the_image_is_not_one_of_the_three_forms(string image)
    {
        var (status, json, response) = await Api.PostJsonAsync(
            _key.Client,
            "/v1/videos/generations",
            Api.Body("x", ("mode", "i2v"), ("image", image)));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "invalid_value", "image");
    }

    [Theory]
    [InlineData("Prompt")]
    [InlineData("aspectRatio")]
    [InlineData("resolutions")]
    [InlineData("negativePrompt")]
    public async Task Submit_returns_422_naming_an_unknown_field(string field)
    {
        var (status, json, response) = await Api.PostJsonAsync(_key.Client, "/v1/videos/generations", Api.Body("x", (field, "1")));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "unknown_parameter", field);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("prompt")]
    public async Task Submit_returns_422_when_a_required_field_is_missing_or_null(string field)
    {
        var absent = Api.Body("x");
        absent.Remove(field);
        var (status, json, response) = await Api.PostJsonAsync(_key.Client, "/v1/videos/generations", absent);
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "missing_parameter", field);

        var nulled = Api.Body("x");
        nulled[field] = null;
        (status, json, response) = await Api.PostJsonAsync(_key.Client, "/v1/videos/generations", nulled);
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "missing_parameter", field);
    }

    [Fact]
    public async Task Submit_returns_422_when_metadata_has_more_than_16_pairs()
    {
        var metadata = new JsonObject();
        for (var i = 0; i < 17; i++)
        {
            metadata[$"k{i}"] = "v";
        }

        var (status, json, response) = await Api.PostJsonAsync(
            _key.Client,
            "/v1/videos/generations",
            Api.Body("x", ("metadata", metadata)));
        response.Dispose();
        (status, json).ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "invalid_value", "metadata");
    }
}
