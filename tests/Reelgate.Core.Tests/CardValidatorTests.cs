using Reelgate.Core.Catalog;

namespace Reelgate.Core.Tests;

/// <summary>The start-up check of catalog cards: each malformed card is named with its problem.</summary>
public sealed class CardValidatorTests
{
    private static ModelCard Card(
        string parameters,
        string pricing = """{"currency": "USD", "unit": "per second", "tiers": []}""",
        string constraints = "[]")
    {
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""
            {"models": [{"id": "m", "name": "M", "provider": "P", "category": "Video Generation", "license": "x", "description": "d",
              "input": ["text"], "output": ["video"], "tags": [], "endpoints": [], "engines": ["local"],
              "parameters": {{parameters}}, "constraints": {{constraints}}, "pricing": {{pricing}}}]}
            """));
        return ModelCatalog.Load(json).Models[0];
    }

    private const string Prompt = """{"name": "prompt", "type": "string", "required": true, "description": "p"}""";
    private const string Size =
        """{"name": "size", "type": "enum", "default": "1280x720", "values": ["1280x720", "832x480"], "description": "s"}""";
    private const string Frames =
        """{"name": "num_frames", "type": "integer", "default": 81, "minimum": 17, "maximum": 121, "description": "n"}""";

    [Fact]
    public void Seed_card_passes_the_check() =>
        CardValidator.Problems(ModelCatalog.LoadDefault().Find("pixverse-v5-6")!).ShouldBeEmpty();

    [Fact]
    public void A_minimal_frame_based_card_passes_the_check() =>
        CardValidator.Problems(Card($"[{Prompt}, {Size}, {Frames}]")).ShouldBeEmpty();

    [Theory]
    [InlineData(
        """{"name": "steps", "type": "float", "description": "x"}""",
        "model m: parameter steps: type 'float' is not one of enum, boolean, string, image, integer, number, seed")]
    [InlineData(
        """{"name": "style", "type": "enum", "default": "pop", "values": ["none"], "description": "x"}""",
        "model m: parameter style: the default is not one of its values")]
    [InlineData(
        """{"name": "steps", "type": "integer", "minimum": 10, "maximum": 1, "description": "x"}""",
        "model m: parameter steps: an integer needs minimum <= maximum")]
    [InlineData(
        """{"name": "cfg", "type": "number", "default": 30, "minimum": 0, "maximum": 20, "description": "x"}""",
        "model m: parameter cfg: the default 30 is not a number from 0 to 20")]
    [InlineData(
        """{"name": "loud", "type": "boolean", "description": "x"}""",
        "model m: parameter loud: a boolean needs a default of true or false")]
    [InlineData(
        """{"name": "resolution", "type": "enum", "default": "720p", "values": ["720p"], "description": "x"}""",
        "model m: a card sets its frame size with size or with resolution and aspect_ratio, not both")]
    [InlineData(
        """{"name": "seconds", "type": "enum", "default": "5s", "values": ["5s"], "description": "x"}""",
        "model m: the length is set by exactly one of duration, seconds (whole seconds) or num_frames (with fps)")]
    public void Check_names_a_bad_parameter(string extra, string problem) =>
        CardValidator.Problems(Card($"[{Prompt}, {Size}, {Frames}, {extra}]")).ShouldContain(problem);

    [Fact]
    public void Check_refuses_a_card_without_size_or_length()
    {
        var problems = CardValidator.Problems(Card($"[{Prompt}]"));
        problems.ShouldContain("model m: no frame size: give it a size parameter (\"1280x720\", ...) or resolution and aspect_ratio");
        problems.ShouldContain("model m: the length is set by exactly one of duration, seconds (whole seconds) or num_frames (with fps)");
    }

    [Fact]
    public void Check_refuses_a_size_that_is_not_width_by_height()
    {
        var size = """{"name": "size", "type": "enum", "default": "big", "values": ["big"], "description": "s"}""";
        CardValidator.Problems(Card($"[{Prompt}, {size}, {Frames}]"))
            .ShouldContain("model m: parameter size: 'big' is not a size like 1280x720 with even sides of 16 to 4096");
    }

    [Fact]
    public void Check_refuses_rate_tables_that_name_no_real_size_or_cell()
    {
        var pricing =
            """{"currency": "USD", "unit": "per second", "tiers": [{"name": "hd", "resolutions": ["1920x1080"], "prices": {"5s":""" +
                """ "1.00"}}]}""";
        var problems = CardValidator.Problems(Card($"[{Prompt}, {Size}, {Frames}]", pricing));
        problems.ShouldContain("model m: pricing tier hd: '1920x1080' is not a value of size");
        problems.ShouldContain("model m: pricing tier hd: '5s' is not a cell; use 1s or 1s+audio");
    }

    [Fact]
    public void Check_refuses_per_video_pricing_of_a_frame_count()
    {
        var pricing = """{"currency": "USD", "unit": "per video", "tiers": []}""";
        CardValidator.Problems(Card($"[{Prompt}, {Size}, {Frames}]", pricing))
            .ShouldContain(
                "model m: pricing per video needs a duration or seconds enum to name its cells; price num_frames or integer seconds per " +
                    "second");
    }

    [Fact]
    public void Check_refuses_a_constraint_on_an_unknown_parameter()
    {
        var constraints = """[{"if": {"size": "1280x720"}, "then": {"steps": ["1"]}}]""";
        CardValidator.Problems(Card($"[{Prompt}, {Size}, {Frames}]", constraints: constraints))
            .ShouldContain("model m: constraint then: there is no parameter steps");
    }
}
