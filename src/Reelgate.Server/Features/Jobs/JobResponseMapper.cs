using Microsoft.Extensions.Options;
using Reelgate.Core.Billing;
using Reelgate.Core.Jobs;
using Reelgate.Core.Validation;
using Reelgate.Server.Configuration;
using Reelgate.Server.Features.Files;

namespace Reelgate.Server.Features.Jobs;

/// <summary>Shows a stored job as the contract's job object, with signed output URLs made for this request.</summary>
public sealed class JobResponseMapper(OutputUrls urls, IOptions<ReelgateOptions> options)
{
    public JobResponse Map(Job job, HttpRequest request) => Map(job, urls.BaseOf(request));

    /// <summary>The job object with output URLs under the given base URL.</summary>
    public JobResponse Map(Job job, string baseUrl)
    {
        var spec = job.Request;
        return new JobResponse(
            job.Id,
            "job",
            spec.Model,
            job.Status.ToWire(),
            job.Progress,
            job.CreatedAt,
            job.StartedAt,
            job.CompletedAt,
            new RequestEcho(spec.Model, spec.Prompt, spec.Mode, spec.Resolution, spec.AspectRatio, spec.Duration, spec.Audio,
                Shorten(spec.Image), Shorten(spec.ImageEnd), spec.Style, spec.Thinking, spec.NegativePrompt, spec.Seed, spec.WebhookUrl)
            {
                Parameters = spec.Parameters,
            },
            new CostResponse(job.Price.ToString(), "USD", CostStateNames.ToWire(job.CostState)),
            job.Result is null || job.CompletedAt is null
                ? null
                : MapResult(job.Result, job.CompletedAt.Value, job.OutputsDeletedAt is not null, baseUrl),
            job.Inputs.Select(i => new InputResponse(
                i.Role, i.ContentType, i.Width, i.Height, i.Bytes, i.OriginalWidth, i.OriginalHeight)).ToList(),
            job.Error is null ? null : new JobErrorResponse(job.Error.Code, job.Error.Message),
            spec.Metadata)
        {
            RetryAt = job.Status == JobStatus.Queued ? job.RetryAt : null,
        };
    }

    public DateTimeOffset ExpiresAt(DateTimeOffset completedAt) => completedAt + options.Value.OutputRetention;

    private ResultResponse MapResult(JobResult result, DateTimeOffset completedAt, bool deleted, string baseUrl)
    {
        var expiresAt = ExpiresAt(completedAt);
        var outputs = result.Outputs.Select(o => new OutputResponse(
            o.Type, o.Role, urls.For(baseUrl, o.BlobKey, o.ContentType, expiresAt), o.ContentType, o.Width, o.Height,
            o.DurationSeconds, o.Fps, o.HasAudio, o.Bytes)).ToList();
        return new ResultResponse(outputs, result.Thinking, expiresAt, deleted);
    }

    /// <summary>A data URI is not repeated in every answer: its media type and size stand for it.</summary>
    private static string? Shorten(string? image)
    {
        if (image is null || ImageReference.Classify(image) != ImageReferenceKind.DataUri)
        {
            return image;
        }

        var comma = image.IndexOf(',', StringComparison.Ordinal);
        return $"{image[..(comma + 1)]}[{image.Length - comma - 1} base64 characters omitted]";
    }
}
