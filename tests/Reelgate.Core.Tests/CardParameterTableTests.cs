using System.Text.Json;
using Reelgate.Core.Catalog;
using Reelgate.Core.Pricing;
using Reelgate.Core.Validation;

namespace Reelgate.Core.Tests;

/// <summary>
/// The example open-model catalog (examples/catalog/open-models.json) read by the same table-driven parser as the
/// seed's card: one test per parameter kind, the card's defaults, constraints and rate table.
/// </summary>
public sealed class CardParameterTableTests
{
    private static readonly ModelCatalog Catalog = LoadExample();
    private static readonly GenerationRequestParser Parser = new(Catalog);

    internal static ModelCatalog LoadExample()
    {
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "open-models.json"));
        return ModelCatalog.LoadDefault().Merge(ModelCatalog.Load(file));
    }

    private static Outcome<GenerationSpec> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parser.Parse(document.RootElement, randomSeed: 777);
    }

    private static Failure Refused(string json) => Parse(json).Failure.ShouldNotBeNull();

    [Fact]
    public void Example_catalog_cards_pass_the_card_check()
    {
        foreach (var card in Catalog.Models)
        {
            CardValidator.Problems(card).ShouldBeEmpty(card.Id);
        }
    }

    [Fact]
    public void Parse_fills_a_frame_based_cards_defaults_and_shape()
    {
        var spec = Parse("""{"model": "wan2.2-t2v", "prompt": "a heron lands on a pier"}""").Value!;

        spec.Size.ShouldBe(new VideoSize(1280, 720));
        (spec.Resolution, spec.AspectRatio).ShouldBe(("1280x720", "16:9"));
        (spec.Frames, spec.Fps, spec.FrameCount, spec.FramesPerSecond).ShouldBe((81, 16, 81, 16));
        spec.DurationSeconds.ShouldBe(6);
        (spec.Mode, spec.Audio, spec.Seed).ShouldBe(("t2v", false, 777));
        spec.Parameter("num_inference_steps")!.Value.GetInt64().ShouldBe(40);
        spec.Parameter("guidance_scale")!.Value.GetDouble().ShouldBe(4.0);
        spec.Parameter("size")!.Value.GetString().ShouldBe("1280x720");
        spec.Parameter("prompt").ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"num_frames": 5}""", "num_frames", "invalid_value", "num_frames 5 is out of range; use an integer from 17 to 121")]
    [InlineData("""{"num_frames": 122}""", "num_frames", "invalid_value", "num_frames 122 is out of range; use an integer from 17 to 121")]
    [InlineData("""{"num_frames": "81"}""", "num_frames", "invalid_type", "num_frames must be an integer from 17 to 121")]
    [InlineData("""{"num_frames": 81.5}""", "num_frames", "invalid_type", "num_frames must be an integer from 17 to 121")]
    [InlineData(
        """{"num_frames": 99999999999999999999}""",
        "num_frames",
        "invalid_value",
        "num_frames is out of range; use an integer from 17 to 121")]
    public void Integer_kind_refuses_values_outside_its_range_or_type(string extra, string param, string code, string message)
    {
        var failure = Refused(Merge("""{"model": "wan2.2-t2v", "prompt": "p"}""", extra));
        (failure.Param, failure.Code, failure.Message).ShouldBe((param, code, message));
    }

    [Theory]
    [InlineData("""{"guidance_scale": 20.5}""", "invalid_value", "guidance_scale 20.5 is out of range; use a number from 0 to 20")]
    [InlineData("""{"guidance_scale": -1}""", "invalid_value", "guidance_scale -1 is out of range; use a number from 0 to 20")]
    [InlineData("""{"guidance_scale": "4"}""", "invalid_type", "guidance_scale must be a number from 0 to 20")]
    public void Number_kind_refuses_values_outside_its_range_or_type(string extra, string code, string message)
    {
        var failure = Refused(Merge("""{"model": "wan2.2-t2v", "prompt": "p"}""", extra));
        (failure.Param, failure.Code, failure.Message).ShouldBe(("guidance_scale", code, message));
    }

    [Fact]
    public void Number_kind_takes_a_fraction()
    {
        var spec = Parse("""{"model": "wan2.2-t2v", "prompt": "p", "guidance_scale": 3.5, "num_inference_steps": 12}""").Value!;
        spec.Parameter("guidance_scale")!.Value.GetDouble().ShouldBe(3.5);
        spec.Parameter("num_inference_steps")!.Value.GetInt64().ShouldBe(12);
    }

    [Fact]
    public void Choice_kind_sets_the_size_and_refuses_one_the_card_lacks()
    {
        var spec = Parse("""{"model": "wan2.2-t2v", "prompt": "p", "size": "480x832", "num_frames": 33, "fps": 8}""").Value!;
        (spec.Size, spec.AspectRatio, spec.FrameCount, spec.DurationSeconds).ShouldBe((new VideoSize(480, 832), "15:26", 33, 5));

        var failure = Refused("""{"model": "wan2.2-t2v", "prompt": "p", "size": "1920x1080"}""");
        (failure.Param, failure.Code).ShouldBe(("size", "invalid_value"));
        failure.Message.ShouldBe("size '1920x1080' is not allowed; use one of 1280x720, 720x1280, 832x480, 480x832");
    }

    [Fact]
    public void Text_kind_refuses_a_long_negative_prompt_and_a_blank_prompt()
    {
        var longText = new string('n', 2049);
        Refused($$"""{"model": "wan2.2-t2v", "prompt": "p", "negative_prompt": "{{longText}}"}""").Code.ShouldBe("string_too_long");
        var blank = Refused("""{"model": "wan2.2-t2v", "prompt": "  "}""");
        (blank.Param, blank.Message).ShouldBe(("prompt", "prompt must not be blank"));
    }

    [Fact]
    public void Seed_kind_records_the_given_seed_and_refuses_a_negative_one()
    {
        Parse("""{"model": "wan2.2-t2v", "prompt": "p", "seed": 42}""").Value!.Seed.ShouldBe(42);
        var failure = Refused("""{"model": "wan2.2-t2v", "prompt": "p", "seed": -1}""");
        (failure.Param, failure.Message).ShouldBe(("seed", "seed -1 is out of range; use an integer from 0 to 2147483647"));
    }

    [Fact]
    public void Image_kind_is_required_by_an_image_to_video_card_and_makes_it_i2v()
    {
        var missing = Refused("""{"model": "wan2.2-i2v", "prompt": "p"}""");
        (missing.Param, missing.Code).ShouldBe(("image", "missing_parameter"));
        var bad = Refused("""{"model": "wan2.2-i2v", "prompt": "p", "image": "not a url"}""");
        (bad.Param, bad.Code).ShouldBe(("image", "invalid_value"));

        var spec = Parse("""{"model": "wan2.2-i2v", "prompt": "p", "image": "upl_abc"}""").Value!;
        (spec.Mode, spec.Image, spec.DurationSeconds, spec.FrameCount, spec.Size).ShouldBe((
            "i2v",
            "upl_abc",
            5,
            80,
            new VideoSize(832, 480)));
    }

    [Fact]
    public void Flag_kind_is_not_offered_by_a_card_without_audio()
    {
        var failure = Refused("""{"model": "wan2.2-t2v", "prompt": "p", "audio": true}""");
        (failure.Param, failure.Code).ShouldBe(("audio", "unknown_parameter"));
        failure.Message.ShouldBe("audio is not a parameter of wan2.2-t2v; parameters are matched exactly in snake_case");
    }

    [Fact]
    public void Seconds_choice_takes_the_integer_and_the_cards_constraint_applies()
    {
        Parse("""{"model": "wan2.2-i2v", "prompt": "p", "image": "upl_abc", "seconds": 8}""").Value!.DurationSeconds.ShouldBe(8);

        var failure = Refused("""{"model": "wan2.2-i2v", "prompt": "p", "image": "upl_abc", "size": "1280x720", "seconds": "8s"}""");
        (failure.Param, failure.Code, failure.Message).ShouldBe((
            "seconds",
            "unsupported_combination",
            "seconds 8s is not available at 1280x720; use 5s"));
    }

    [Fact]
    public void Rate_table_prices_per_second_of_exact_output_and_per_video()
    {
        var t2v = Catalog.Find("wan2.2-t2v")!;
        t2v.PriceOf(Parse("""{"model": "wan2.2-t2v", "prompt": "p"}""").Value!).ShouldBe(new Money(253_125));
        t2v.PriceOf(Parse("""{"model": "wan2.2-t2v", "prompt": "p", "size": "832x480", "num_frames": 32}""").Value!).ShouldBe(
            new Money(40_000));
        t2v.PriceDurations.ShouldBe(["1s"]);

        var i2v = Catalog.Find("wan2.2-i2v")!;
        i2v.PriceOf(Parse("""{"model": "wan2.2-i2v", "prompt": "p", "image": "upl_a", "seconds": "8s"}""").Value!).ShouldBe(
            Money.Parse("0.32"));
        i2v.PriceDurations.ShouldBe(["5s", "8s"]);
    }

    [Fact]
    public void Seed_cards_parse_is_unchanged_by_the_example_catalog()
    {
        var spec = Parse("""{"model": "pixverse-v5-6", "prompt": "a cat"}""").Value!;
        (spec.Width, spec.Height, spec.Fps, spec.Frames, spec.Parameters).ShouldBe((null, null, null, null, null));
        (spec.Size, spec.FrameCount).ShouldBe((new VideoSize(1920, 1080), 120));
    }

    private static string Merge(string baseJson, string extra) => baseJson[..^1] + ", " + extra[1..];
}
