using System.Text.Json;
using Reelgate.Core;
using Reelgate.Core.Pricing;
using Reelgate.Core.Validation;

namespace Reelgate.Server.Features.Keys;

/// <summary>Reads the admin routes' bodies by the same rules as a generation: exact fields, clear 422s.</summary>
public static class KeyRequestParser
{
    public const int MaxNameLength = 100;
    public const int MaxWeight = 100;

    public sealed record NewKey(string Name, Money Credits, bool Admin, string? Owner, LimitsPatch Limits, string? WebhookUrl)
    {
        /// <summary>Worker slots relative to other keys (1 to <see cref="MaxWeight"/>).</summary>
        public int Weight { get; init; } = 1;

        /// <summary>A test key: simulated faults work for it even where simulation is off.</summary>
        public bool Test { get; init; }
    }

    public static Outcome<NewKey> ParseCreate(JsonElement body)
    {
        var unknown = Unknown(body, "name", "credits", "admin", "owner", "limits", "webhook_url", "weight", "test");
        if (unknown is not null)
        {
            return unknown;
        }

        var fields = new JsonFields(body);
        var name = fields.RequiredString("name");
        if (!name.Succeeded)
        {
            return name.Failure;
        }

        if (string.IsNullOrWhiteSpace(name.Value) || name.Value.Length > MaxNameLength || name.Value.Any(char.IsControl))
        {
            return Failure.Invalid("name", "invalid_value", $"name must be 1 to {MaxNameLength} printable characters");
        }

        var credits = Amount(fields, "credits", allowZero: true);
        if (!credits.Succeeded)
        {
            return credits.Failure;
        }

        var admin = fields.Get("admin");
        if (admin is not null && admin.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Failure.WrongType("admin", "true or false");
        }

        var owner = fields.OptionalString("owner");
        if (!owner.Succeeded)
        {
            return owner.Failure;
        }

        if (owner.Value is { Length: > MaxNameLength })
        {
            return Failure.Invalid("owner", "invalid_value", $"owner is at most {MaxNameLength} characters");
        }

        var limits = Limits(fields.Get("limits"));
        if (!limits.Succeeded)
        {
            return limits.Failure;
        }

        var webhook = WebhookUrl(fields, "webhook_url");
        if (!webhook.Succeeded)
        {
            return webhook.Failure;
        }

        var test = fields.Get("test");
        if (test is not null && test.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Failure.WrongType("test", "true or false");
        }

        var weight = fields.Get("weight");
        var weightValue = 1;
        if (weight is not null && (!weight.Value.TryGetInt32(out weightValue) || weightValue is < 1 or > MaxWeight))
        {
            return Failure.Invalid("weight", "invalid_value", $"weight must be a whole number from 1 to {MaxWeight}");
        }

        return new NewKey(
            name.Value.Trim(), credits.Value ?? Money.Zero, admin?.GetBoolean() ?? false, owner.Value, limits.Value, webhook.Value)
        {
            Weight = weightValue,
            Test = test?.GetBoolean() ?? false,
        };
    }

    /// <summary>The body of PUT /v1/keys/{id}/webhook: {"url": "https://..."} or {"url": null}.</summary>
    public static Outcome<string?> ParseWebhook(JsonElement body)
    {
        var unknown = Unknown(body, "url");
        return unknown is not null ? unknown : WebhookUrl(new JsonFields(body), "url");
    }

    private static Outcome<string?> WebhookUrl(JsonFields fields, string name)
    {
        var url = fields.OptionalString(name);
        if (!url.Succeeded || url.Value is null)
        {
            return url;
        }

        var ok = url.Value.Length <= GenerationRequestParser.MaxWebhookUrlLength
            && Uri.TryCreate(url.Value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return ok ? url : Failure.Invalid(name, "invalid_value", $"{name} must be an absolute http(s) URL");
    }

    public static Outcome<Money> ParseCredits(JsonElement body)
    {
        var unknown = Unknown(body, "amount");
        if (unknown is not null)
        {
            return unknown;
        }

        var amount = Amount(new JsonFields(body), "amount", allowZero: false);
        if (!amount.Succeeded)
        {
            return amount.Failure;
        }

        return amount.Value is { } value ? value : Failure.Missing("amount");
    }

    /// <summary>The body of PATCH /v1/keys/{id}/limits: the limits object itself.</summary>
    public static Outcome<LimitsPatch> ParseLimits(JsonElement body) => Limits(body, "");

    private static Outcome<LimitsPatch> Limits(JsonElement? element, string prefix = "limits.")
    {
        if (element is null)
        {
            return LimitsPatch.Unchanged;
        }

        if (element.Value.ValueKind != JsonValueKind.Object)
        {
            return Failure.WrongType("limits", "an object with spend_per_day, jobs_in_flight, requests_per_minute and upload_bytes");
        }

        var unknown = Unknown(element.Value, "spend_per_day", "jobs_in_flight", "requests_per_minute", "upload_bytes");
        if (unknown is not null)
        {
            return unknown with { Param = prefix + unknown.Param };
        }

        var fields = new JsonFields(element.Value);
        var spend = Amount(fields, "spend_per_day", allowZero: false);
        if (!spend.Succeeded)
        {
            return spend.Failure with { Param = prefix + "spend_per_day" };
        }

        var inFlight = Count(fields, prefix, "jobs_in_flight", 1, 100_000);
        if (!inFlight.Succeeded)
        {
            return inFlight.Failure;
        }

        var rpm = Count(fields, prefix, "requests_per_minute", 1, 1_000_000);
        if (!rpm.Succeeded)
        {
            return rpm.Failure;
        }

        var uploadBytes = Count(fields, prefix, "upload_bytes", 1, 1L << 40);
        if (!uploadBytes.Succeeded)
        {
            return uploadBytes.Failure;
        }

        return new LimitsPatch(
            Given(element.Value, "spend_per_day", spend.Value),
            Given(element.Value, "jobs_in_flight", inFlight.Value is { } j ? (int?)j : null),
            Given(element.Value, "requests_per_minute", rpm.Value is { } r ? (int?)r : null),
            Given(element.Value, "upload_bytes", uploadBytes.Value));
    }

    /// <summary>A limit present in the object (null included) is set; one left out is not.</summary>
    private static Settable<T> Given<T>(JsonElement limits, string name, T value) =>
        limits.TryGetProperty(name, out _) ? new Settable<T>(true, value) : Settable<T>.Unset;

    private static Outcome<long?> Count(JsonFields fields, string prefix, string name, long min, long max)
    {
        var element = fields.Get(name);
        if (element is null)
        {
            return (long?)null;
        }

        return element.Value.ValueKind == JsonValueKind.Number && element.Value.TryGetInt64(out var value) && value >= min && value <= max
            ? value
            : Failure.Invalid(prefix + name, "invalid_value",
                $"{prefix}{name} must be a whole number from {min} to {max}, or null for no limit");
    }

    /// <summary>An amount of USD as a decimal string ("3.19"); numbers are refused so no float ever carries money.</summary>
    private static Outcome<Money?> Amount(JsonFields fields, string name, bool allowZero)
    {
        var text = fields.OptionalString(name);
        if (!text.Succeeded)
        {
            return Failure.WrongType(name, "a decimal string such as \"10.00\"");
        }

        if (text.Value is null)
        {
            return (Money?)null;
        }

        if (!Money.TryParse(text.Value, out var money) || money.IsNegative || (!allowZero && money == Money.Zero))
        {
            return Failure.Invalid(name, "invalid_value",
                $"{name} must be {(allowZero ? "zero or more" : "more than zero")} USD, "
                + "as a decimal string with at most 6 decimals, such as \"10.00\"");
        }

        return money;
    }

    private static Failure? Unknown(JsonElement body, params string[] known)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                return Failure.Invalid(property.Name, "unknown_parameter",
                    $"{Failure.Printable(property.Name)} is not a field here; fields are {string.Join(", ", known)}");
            }
        }

        return null;
    }
}
