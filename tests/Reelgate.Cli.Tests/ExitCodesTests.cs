using System.Net;
using Reelgate.Client;

namespace Reelgate.Cli.Tests;

/// <summary>The documented mapping from a client error to the exit code, for the statuses a live test cannot provoke on demand.</summary>
public sealed class ExitCodesTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 2)]
    [InlineData(HttpStatusCode.UnprocessableEntity, 2)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, 2)]
    [InlineData(HttpStatusCode.Unauthorized, 3)]
    [InlineData(HttpStatusCode.Forbidden, 3)]
    [InlineData(HttpStatusCode.NotFound, 4)]
    [InlineData(HttpStatusCode.Gone, 4)]
    [InlineData(HttpStatusCode.PaymentRequired, 5)]
    [InlineData(HttpStatusCode.TooManyRequests, 6)]
    [InlineData(HttpStatusCode.InternalServerError, 7)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 7)]
    [InlineData(HttpStatusCode.Conflict, 8)]
    public void From_maps_the_status_to_its_documented_exit_code(HttpStatusCode status, int exit)
    {
        ExitCodes.From(new ReelgateException(status, "t", "c", "m")).ShouldBe(exit);
    }

    [Theory]
    [InlineData(ReelgateErrorTypes.ConnectionError, "network_error", 7)]
    [InlineData(ReelgateErrorTypes.Timeout, "request_timeout", 7)]
    [InlineData(ReelgateErrorTypes.Timeout, "wait_timeout", 9)]
    public void From_maps_errors_without_an_answer_to_their_exit_code(string type, string code, int exit)
    {
        ExitCodes.From(new ReelgateException(null, type, code, "m")).ShouldBe(exit);
    }
}
