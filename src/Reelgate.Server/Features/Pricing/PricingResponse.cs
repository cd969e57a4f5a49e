using Reelgate.Server.Features.Models;

namespace Reelgate.Server.Features.Pricing;

/// <summary>Every model's rate card.</summary>
public sealed record PricingResponse(string Object, IReadOnlyList<RateCardResponse> Data);

/// <summary>What a request would cost, and the settings that decided it.</summary>
public sealed record QuoteResponse(string Amount, string Currency, string Model, string Resolution, string Duration, bool Audio);
