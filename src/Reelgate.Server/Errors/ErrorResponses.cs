namespace Reelgate.Server.Errors;

/// <summary>Declares the error envelope in the OpenAPI document for the statuses a route can answer.</summary>
public static class ErrorResponses
{
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.Produces<ErrorBody>(status, "application/json");
        }

        return builder;
    }
}
