using System.CommandLine;
using Reelgate.Cli.Output;
using Reelgate.Client.Models;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate models [MODEL]: the catalog, or one model's whole card (with --json, as the API gives it).</summary>
public static class ModelsCommand
{
    public static Command Create(GlobalOptions global)
    {
        var model = new Argument<string?>("model") { Description = "One model's id: its whole card", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("models", "The models this server serves: inputs, outputs, resolutions and durations") { model };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            if (context.Value(model) is { } id)
            {
                var card = await context.Client.GetModelAsync(id, cancellationToken);
                Show(context, [card], card);
            }
            else
            {
                var models = await context.Client.ListModelsAsync(cancellationToken);
                Show(context, models, models);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The table for people; with --json, <paramref name="json"/> (the list, or the one card) as the API gives it.</summary>
    private static void Show<T>(CliContext context, IReadOnlyList<ModelCard> models, T json)
    {
        if (context.Json)
        {
            context.Terminal.Json(json);
        }
        else
        {
            context.Terminal.Render(CatalogRenderer.Models(models));
            if (models.Count == 1 && json is ModelCard)
            {
                context.Terminal.Render(CatalogRenderer.Parameters(models[0]));
            }
        }
    }
}
