using System.Net;
using System.Text.RegularExpressions;
using Reelgate.Server.Tests.Infrastructure;

namespace Reelgate.Server.Tests.Generations;

public sealed partial class SubmitDefaultsTests(ApiOnlyApp app) : IClassFixture<ApiOnlyApp>
{
    [Fact]
    public async Task Submit_returns_202_with_every_default_filled_when_only_model_and_prompt_are_given()
    {
        using var key = await app.CreateKeyAsync();
        var (status, job, response) = await Api.PostJsonAsync(key.Client, "/v1/videos/generations", Api.Body("a lighthouse at dusk"));
        using (response)
        {
            status.ShouldBe(HttpStatusCode.Accepted);
            var jobId = job["job_id"]!.GetValue<string>();
            response.Headers.Location!.ToString().ShouldBe($"/v1/jobs/{jobId}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
            jobId.ShouldStartWith("job_");
        }

        job["object"]!.GetValue<string>().ShouldBe("job");
        job["model"]!.GetValue<string>().ShouldBe("pixverse-v5-6");
        job["status"]!.GetValue<string>().ShouldBe("queued");
        job["progress"]!.GetValue<int>().ShouldBe(0);
        Rfc3339().IsMatch(job["created_at"]!.GetValue<string>()).ShouldBeTrue(job["created_at"]!.ToJsonString());
        job["started_at"].ShouldBeNull();
        job["completed_at"].ShouldBeNull();
        job["result"].ShouldBeNull();
        job["error"].ShouldBeNull();
        job["inputs"]!.AsArray().Count.ShouldBe(0);

        var request = job["request"]!.AsObject();
        request["prompt"]!.GetValue<string>().ShouldBe("a lighthouse at dusk");
        request["mode"]!.GetValue<string>().ShouldBe("t2v");
        request["resolution"]!.GetValue<string>().ShouldBe("1080p");
        request["aspect_ratio"]!.GetValue<string>().ShouldBe("16:9");
        request["duration"]!.GetValue<string>().ShouldBe("5s");
        request["audio"]!.GetValue<bool>().ShouldBeTrue();
        request["style"]!.GetValue<string>().ShouldBe("none");
        request["thinking"]!.GetValue<string>().ShouldBe("auto");
        request["image"].ShouldBeNull();
        request["image_end"].ShouldBeNull();
        request["negative_prompt"].ShouldBeNull();
        request["seed"]!.GetValue<int>().ShouldBeInRange(0, int.MaxValue);

        var cost = job["cost"]!.AsObject();
        cost["amount"]!.GetValue<string>().ShouldBe("1.50");
        cost["currency"]!.GetValue<string>().ShouldBe("USD");
        cost["state"]!.GetValue<string>().ShouldBe("held");
    }

    [Fact]
    public async Task Submit_treats_null_as_the_default_when_an_optional_field_is_null()
    {
        using var key = await app.CreateKeyAsync();
        var job = await Api.SubmitAsync(key.Client, Api.Body("x", ("resolution", null), ("audio", null), ("seed", null), ("style", null)));
        job["request"]!["resolution"]!.GetValue<string>().ShouldBe("1080p");
        job["request"]!["audio"]!.GetValue<bool>().ShouldBeTrue();
        job["request"]!["style"]!.GetValue<string>().ShouldBe("none");
    }

    [Fact]
    public async Task Submit_records_the_seed_given_and_echoes_metadata()
    {
        using var key = await app.CreateKeyAsync();
        var job = await Api.SubmitAsync(
            key.Client,
            Api.Body("x", ("seed", 42), ("metadata", new System.Text.Json.Nodes.JsonObject { ["order"] = "A-17" })));
        job["request"]!["seed"]!.GetValue<int>().ShouldBe(42);
        job["metadata"]!["order"]!.GetValue<string>().ShouldBe("A-17");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex Rfc3339();
}
