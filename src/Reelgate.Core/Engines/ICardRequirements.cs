using Reelgate.Core.Catalog;

namespace Reelgate.Core.Engines;

/// <summary>
/// An engine with needs of the model cards it serves (fields its server takes, a model mapping): the server checks
/// every card that lists the engine at start and refuses to start on a problem, naming model and parameter.
/// </summary>
public interface ICardRequirements
{
    IReadOnlyList<string> ProblemsWith(ModelCard card);
}
