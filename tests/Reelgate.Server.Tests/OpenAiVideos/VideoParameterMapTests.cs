using System.Text.Json.Nodes;
using Reelgate.Core;
using Reelgate.Core.Catalog;
using Reelgate.Server.Features.OpenAiVideos;

namespace Reelgate.Server.Tests.OpenAiVideos;

/// <summary>size and seconds onto the seed catalog's pixverse-v5-6 card: its resolution × aspect table and its durations.</summary>
public sealed class VideoParameterMapTests
{
    private static readonly ModelCard Pixverse = ModelCatalog.LoadDefault().Find("pixverse-v5-6")!;

    [Fact]
    public void Sizes_are_every_resolution_and_aspect_cell_of_the_card()
    {
        var map = VideoParameterMap.For(Pixverse);

        map.Sizes.ShouldBe([
            "640x360", "480x360", "360x360", "360x480", "360x640",
            "960x540", "720x540", "540x540", "540x720", "540x960",
            "1280x720", "960x720", "720x720", "720x960", "720x1280",
            "1920x1080", "1440x1080", "1080x1080", "1080x1440", "1080x1920",
        ]);
        map.Seconds.ShouldBe(["5", "8", "10"]);
    }

    [Theory]
    [InlineData("1280x720", "8", "720p", "16:9", "8s")]
    [InlineData("1080x1920", "5", "1080p", "9:16", "5s")]
    [InlineData("480x360", "10", "360p", "4:3", "10s")]
    public void Apply_sets_resolution_aspect_and_duration_when_the_size_is_a_cell(
        string size,
        string seconds,
        string resolution,
        string aspect,
        string duration)
    {
        var body = new JsonObject();

        VideoParameterMap.For(Pixverse).Apply(body, size, seconds).ShouldBeNull();

        body["resolution"]!.GetValue<string>().ShouldBe(resolution);
        body["aspect_ratio"]!.GetValue<string>().ShouldBe(aspect);
        body["duration"]!.GetValue<string>().ShouldBe(duration);
    }

    [Fact]
    public void Apply_takes_seconds_as_a_number_when_json_sends_one()
    {
        var body = new JsonObject();

        VideoParameterMap.For(Pixverse).Apply(body, null, JsonValue.Create(8)).ShouldBeNull();

        body["duration"]!.GetValue<string>().ShouldBe("8s");
    }

    [Theory]
    [InlineData("1280x1280", null, "size", "1920x1080")]
    [InlineData("1792x1024", null, "size", "640x360")]
    [InlineData(null, "4", "seconds", "5, 8, 10")]
    [InlineData(null, "5s", "seconds", "5, 8, 10")]
    public void Apply_refuses_with_400_naming_the_field_and_listing_the_allowed_when_not_exact(
        string? size,
        string? seconds,
        string param,
        string listed)
    {
        var failure = VideoParameterMap.For(Pixverse).Apply(new JsonObject(), size, seconds)!;

        failure.Kind.ShouldBe(FailureKind.BadRequest);
        failure.Param.ShouldBe(param);
        failure.Message.ShouldContain(listed);
    }

    [Fact]
    public void Explain_tells_a_forbidden_duration_as_seconds_at_a_size()
    {
        var body = new JsonObject { ["resolution"] = "1080p", ["aspect_ratio"] = "9:16", ["duration"] = "10s" };
        var refused = Failure.Invalid("duration", "unsupported_combination", "duration 10s is not available at 1080p; use 5s or 8s");

        var explained = VideoParameterMap.For(Pixverse).Explain(refused, body);

        explained.Param.ShouldBe("seconds");
        explained.Message.ShouldBe("seconds 10 is not available at size 1080x1920; use 5 or 8");
    }

    [Fact]
    public void ProtocolParam_names_the_protocol_field_of_a_mapped_card_parameter()
    {
        VideoParameterMap.ProtocolParam("resolution").ShouldBe("size");
        VideoParameterMap.ProtocolParam("aspect_ratio").ShouldBe("size");
        VideoParameterMap.ProtocolParam("duration").ShouldBe("seconds");
        VideoParameterMap.ProtocolParam("style").ShouldBe("style");
    }
}
