using System.Text.Json;
using Reelgate.Core.Catalog;
using Reelgate.Core.Validation;

namespace Reelgate.Core.Tests;

public sealed class GenerationRequestParserTests
{
    private static readonly GenerationRequestParser Parser = new(ModelCatalog.LoadDefault());

    private static Outcome<GenerationSpec> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parser.Parse(document.RootElement, randomSeed: 777);
    }

    [Fact]
    public void Parse_fills_defaults_and_the_given_random_seed()
    {
        var spec = Parse("""{"model": "pixverse-v5-6", "prompt": "a cat"}""").Value!;
        spec.ShouldBe(spec with
        {
            Mode = "t2v", Resolution = "1080p", AspectRatio = "16:9", DurationSeconds = 5, Audio = true, Style = "none",
            Thinking = "auto", Seed = 777, Image = null, ImageEnd = null, NegativePrompt = null,
        });
        spec.Size.ShouldBe(new VideoSize(1920, 1080));
        spec.FrameCount.ShouldBe(120);
    }

    [Fact]
    public void Parse_reports_the_first_problem_in_table_order()
    {
        var failure = Parse("""{"model": "pixverse-v5-6", "prompt": "a", "seed": -5, "resolution": "4k"}""").Failure!;
        failure.Param.ShouldBe("resolution");
    }

    [Fact]
    public void Parse_reports_unknown_fields_before_values()
    {
        var failure = Parse("""{"model": "pixverse-v5-6", "prompt": "a", "Resolution": "4k", "seed": -5}""").Failure!;
        (failure.Param, failure.Code).ShouldBe(("Resolution", "unknown_parameter"));
    }

    [Fact]
    public void Parse_counts_prompt_length_in_characters_not_utf16_units()
    {
        var emoji = string.Concat(Enumerable.Repeat("🎬", 2048));
        Parse($$"""{"model": "pixverse-v5-6", "prompt": "{{emoji}}"}""").Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Parse_keeps_tabs_and_line_breaks_in_prompts() =>
        Parse("""{"model": "pixverse-v5-6", "prompt": "line one\nline two\tend"}""").Value!.Prompt.ShouldBe("line one\nline two\tend");

    [Fact]
    public void Parse_refuses_a_body_that_is_not_an_object() =>
        Parse("[]").Failure!.Kind.ShouldBe(FailureKind.BadRequest);
}
