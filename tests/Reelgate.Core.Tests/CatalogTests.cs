using Reelgate.Core.Catalog;
using Reelgate.Core.Pricing;

namespace Reelgate.Core.Tests;

public sealed class CatalogTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.LoadDefault();

    [Fact]
    public void Default_catalog_holds_the_seeds_model_card()
    {
        var card = Catalog.Find("pixverse-v5-6").ShouldNotBeNull();
        card.Provider.ShouldBe("PixVerse");
        card.Category.ShouldBe("Video Generation");
        card.Input.ShouldBe(["text", "image"]);
        card.Output.ShouldBe(["video"]);
        card.Endpoints.ShouldBe(["POST /v1/videos/generations"]);
        card.Parameters.Select(p => p.Name).ShouldBe(
            [
                "prompt",
                "mode",
                "resolution",
                "aspect_ratio",
                "duration",
                "audio",
                "image",
                "image_end",
                "style",
                "thinking",
                "negative_prompt",
                "seed"]);
        card.Parameter("resolution").DefaultString.ShouldBe("1080p");
        card.Parameter("audio").DefaultBoolean.ShouldBeTrue();
        card.Parameter("seed").Maximum.ShouldBe(int.MaxValue);
    }

    [Fact]
    public void Constraints_allow_only_5s_and_8s_at_1080p()
    {
        var card = Catalog.Find("pixverse-v5-6")!;
        card.AllowedGiven("duration", new Dictionary<string, string> { ["resolution"] = "1080p" }).ShouldBe(["5s", "8s"]);
        card.AllowedGiven("duration", new Dictionary<string, string> { ["resolution"] = "720p" }).ShouldBe(["5s", "8s", "10s"]);
    }

    [Theory]
    [InlineData("540p", 10, true, 1_760_000)]
    [InlineData("1080p", 8, true, 3_000_000)]
    [InlineData("720p", 5, false, 650_000)]
    public void Rate_card_prices_a_cell_in_micro_dollars(string resolution, int seconds, bool audio, long micros) =>
        Catalog.Find("pixverse-v5-6")!.Pricing.PriceOf(resolution, seconds, audio).ShouldBe(new Money(micros));

    [Fact]
    public void Rate_card_has_no_price_for_10s_at_1080p() =>
        Catalog.Find("pixverse-v5-6")!.Pricing.PriceOf("1080p", 10, false).ShouldBeNull();

    [Fact]
    public void Price_overrides_reprice_one_cell_of_a_tier()
    {
        var repriced = Catalog.WithPriceOverrides(new Dictionary<string, Money> { ["pixverse-v5-6/720p/5s+audio"] = Money.Parse("1.56") });
        var card = repriced.Find("pixverse-v5-6")!.Pricing;
        card.PriceOf("720p", 5, true).ShouldBe(Money.Parse("1.56"));
        card.PriceOf("720p", 5, false).ShouldBe(Money.Parse("0.65"));
        card.PriceOf("1080p", 5, true).ShouldBe(Money.Parse("1.50"));
    }

    [Fact]
    public void Merge_adds_models_from_another_catalog_as_data()
    {
        using var json = new MemoryStream("""
            {"models": [{"id": "pixverse-v5-5", "name": "Pixverse v5.5", "provider": "PixVerse", "category": "Video Generation",
              "license": "Proprietary", "description": "older", "input": ["text"], "output": ["video"], "tags": [],
              "endpoints": ["POST /v1/videos/generations"], "engines": ["local"],
              "parameters": [{"name": "prompt", "type": "string", "required": true, "description": "Scene."}],
              "constraints": [], "pricing": {"currency": "USD", "unit": "per video", "tiers": []}}]}
            """u8.ToArray());
        var merged = Catalog.Merge(ModelCatalog.Load(json));
        merged.Models.Select(m => m.Id).ShouldBe(["pixverse-v5-6", "pixverse-v5-5"]);
    }
}
