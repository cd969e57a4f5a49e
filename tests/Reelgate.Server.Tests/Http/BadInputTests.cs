using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Http;

/// <summary>Bad input gets its 4xx and the envelope, never a 500.</summary>
public sealed class BadInputTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>, IAsyncLifetime
{
    private TestKey _key = null!;

    public async ValueTask InitializeAsync() => _key = await app.CreateKeyAsync();

    public ValueTask DisposeAsync()
    {
        _key.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(HttpStatusCode, JsonObject)> PostRawAsync(HttpContent content, string path = "/v1/videos/generations")
    {
        using var response = await _key.Client.PostAsync(path, content, Api.Token);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return (response.StatusCode, await Api.ReadObjectAsync(response));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{\"model\": \"pixverse-v5-6\", \"prompt\": ")]
    [InlineData("{'model': 'pixverse-v5-6'}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("")]
    [InlineData("{\"prompt\": \"a\", \"prompt\": \"b\", \"model\": \"pixverse-v5-6\"}")]
    [InlineData("{\"model\": \"pixverse-v5-6\"} trailing")]
    public async Task Submit_returns_400_invalid_json_when_the_body_is_not_a_json_object(string body) =>
        (await PostRawAsync(Json(body))).ShouldBeError(HttpStatusCode.BadRequest, "invalid_request_error", "invalid_json");

    [Fact]
    public async Task Submit_returns_400_when_json_is_nested_too_deep()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        (await PostRawAsync(Json($"{{\"model\": \"pixverse-v5-6\", \"prompt\": \"x\", \"metadata\": {deep}}}")))
            .ShouldBeError(HttpStatusCode.BadRequest, "invalid_request_error", "invalid_json");
    }

    [Fact]
    public async Task Submit_returns_422_when_a_string_holds_a_lone_surrogate()
    {
        (await PostRawAsync(Json("{\"model\": \"pixverse-v5-6\", \"prompt\": \"half \\ud800 surrogate\"}")))
            .ShouldBeError(HttpStatusCode.UnprocessableEntity, "invalid_request_error", "invalid_value", "prompt");
    }

    [Fact]
    public async Task Submit_returns_400_when_the_bytes_are_not_utf8()
    {
        var bytes = new ByteArrayContent([(byte)'{', (byte)'"', 0xff, 0xfe, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        (await PostRawAsync(bytes)).ShouldBeError(HttpStatusCode.BadRequest, "invalid_request_error", "invalid_json");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    public async Task Submit_returns_415_when_the_content_type_is_not_json(string contentType)
    {
        var content = new StringContent(Api.Body("x").ToJsonString());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        (await PostRawAsync(content)).ShouldBeError(HttpStatusCode.UnsupportedMediaType, "invalid_request_error", "unsupported_media_type");
    }

    [Fact]
    public async Task Submit_returns_415_when_there_is_no_content_type()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Api.Body("x").ToJsonString()));
        (await PostRawAsync(content)).ShouldBeError(HttpStatusCode.UnsupportedMediaType, "invalid_request_error", "unsupported_media_type");
    }

    [Fact]
    public async Task Submit_accepts_json_with_a_charset_parameter()
    {
        var content = new StringContent(Api.Body("x").ToJsonString());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        (await PostRawAsync(content)).Item1.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Submit_returns_413_when_the_body_is_over_1_MiB_with_a_length()
    {
        var prompt = new string('a', 1_048_576);
        (await PostRawAsync(Json($"{{\"model\": \"pixverse-v5-6\", \"prompt\": \"{prompt}\"}}")))
            .ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "invalid_request_error", "payload_too_large");
    }

    [Fact]
    public async Task Submit_returns_413_when_a_chunked_body_is_over_1_MiB()
    {
        var bytes = Encoding.UTF8.GetBytes($"{{\"model\": \"pixverse-v5-6\", \"prompt\": \"{new string('a', 1_100_000)}\"}}");
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        (await PostRawAsync(content)).ShouldBeError(HttpStatusCode.RequestEntityTooLarge, "invalid_request_error", "payload_too_large");
    }

    [Fact]
    public async Task Submit_accepts_a_body_of_exactly_1_MiB()
    {
        var head = "{\"model\": \"pixverse-v5-6\", \"prompt\": \"x\", \"negative_prompt\": \"y\"}";
        var padded = head[..^1] + new string(' ', 1_048_576 - head.Length) + "}";
        Encoding.UTF8.GetByteCount(padded).ShouldBe(1_048_576);
        (await PostRawAsync(Json(padded))).Item1.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("/v1/jobs/xyz")]
    [InlineData("/v1/jobs/job_")]
    [InlineData("/v1/jobs/job_00000000000000000000000000")]
    [InlineData("/v1/jobs/job_01m899hxwbkq2g0000000016bb")]
    [InlineData("/v1/jobs/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/v1/jobs/%F0%9F%8E%AC")]
    [InlineData("/v1/jobs/job_ABCDEFGHIJKLMNOPQRSTUVWXYZ/events")]
    public async Task Get_returns_404_job_not_found_when_the_id_is_bad_or_unknown(string path)
    {
        (await Api.GetJsonAsync(_key.Client, path)).ShouldBeError(HttpStatusCode.NotFound, "invalid_request_error", "job_not_found");
    }

    [Fact]
    public async Task Get_returns_404_job_not_found_when_the_id_is_very_long()
    {
        (await Api.GetJsonAsync(_key.Client, "/v1/jobs/job_" + new string('a', 4000)))
            .ShouldBeError(HttpStatusCode.NotFound, "invalid_request_error", "job_not_found");
    }

    [Fact]
    public async Task Cancel_returns_404_when_the_id_is_malformed() =>
        (await PostRawAsync(Json("{}"), "/v1/jobs/nonsense/cancel")).ShouldBeError(
            HttpStatusCode.NotFound,
            "invalid_request_error",
            "job_not_found");

    [Fact]
    public async Task Unknown_route_returns_404_with_the_envelope() =>
        (await Api.GetJsonAsync(_key.Client, "/v1/films")).ShouldBeError(HttpStatusCode.NotFound, "invalid_request_error", "not_found");

    [Fact]
    public async Task Wrong_method_returns_405_with_the_envelope()
    {
        using var response = await _key.Client.DeleteAsync("/v1/jobs", Api.Token);
        (response.StatusCode, await Api.ReadObjectAsync(response)).ShouldBeError(
            HttpStatusCode.MethodNotAllowed,
            "invalid_request_error",
            "method_not_allowed");
    }

    [Fact]
    public async Task Submit_returns_400_when_the_idempotency_key_is_over_255_characters()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/videos/generations") { Content = Json(
            Api.Body("x").ToJsonString()) };
        request.Headers.Add("Idempotency-Key", new string('k', 256));
        using var response = await _key.Client.SendAsync(request, Api.Token);
        (response.StatusCode, await Api.ReadObjectAsync(response)).ShouldBeError(
            HttpStatusCode.BadRequest,
            "invalid_request_error",
            "invalid_idempotency_key");
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    [InlineData("limit=-1")]
    [InlineData("status=done")]
    [InlineData("after=garbage")]
    public async Task List_returns_422_when_a_query_parameter_is_bad(string query)
    {
        var param = query[..query.IndexOf('=', StringComparison.Ordinal)];
        (await Api.GetJsonAsync(_key.Client, "/v1/jobs?" + query)).ShouldBeError(
            HttpStatusCode.UnprocessableEntity,
            "invalid_request_error",
            param: param);
    }

    /// <summary>A stream that does not know its length, so HttpClient sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
