using Reelgate.Core;
using Reelgate.Server.Errors;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// Failures on the protocol's routes: the same envelope (<c>{"error": {"message", "type", "param", "code"}}</c>),
/// with the protocol's habit: a refused value is a 400 (the protocol has no 422).
/// </summary>
public static class VideoErrors
{
    public static ErrorResult From(Failure failure)
    {
        var status = failure.Kind == FailureKind.Unprocessable ? StatusCodes.Status400BadRequest : FailureStatus.StatusOf(failure.Kind);
        var detail = new ErrorDetail(FailureStatus.TypeOf(status), failure.Code, failure.Message, failure.Param);
        return new ErrorResult(status, detail, failure.RetryAfter);
    }

    public static ErrorResult NotFound(string videoId) =>
        From(new Failure(
            FailureKind.NotFound, "video_not_found", $"no video {Failure.Printable(videoId)} exists for this key", "video_id"));

    public static ErrorResult Invalid(string param, string code, string message) =>
        From(new Failure(FailureKind.BadRequest, code, message, param));
}
