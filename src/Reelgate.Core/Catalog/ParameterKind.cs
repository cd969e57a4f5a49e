namespace Reelgate.Core.Catalog;

/// <summary>How the submission parser reads a parameter; derived from the card's <c>type</c> (and, for old cards, the name).</summary>
public enum ParameterKind
{
    /// <summary>A type the parser does not know; the catalog refuses such a card at start.</summary>
    Unknown,

    /// <summary>One of the listed strings (<c>"enum"</c>); a list of whole seconds ("5s") also takes the integer.</summary>
    Choice,

    /// <summary>true or false (<c>"boolean"</c>).</summary>
    Flag,

    /// <summary>Free text with an optional length limit (<c>"string"</c>).</summary>
    Text,

    /// <summary>An image input: URL, data URI or upload id (<c>"image"</c>, or a <c>"string"</c> named image/image_end).</summary>
    Image,

    /// <summary>A whole number within the card's minimum and maximum (<c>"integer"</c>).</summary>
    Integer,

    /// <summary>A number, fractions allowed, within the card's minimum and maximum (<c>"number"</c>).</summary>
    Number,

    /// <summary>The reproducibility seed: chosen at random and recorded when absent (<c>"seed"</c>, or an integer named seed).</summary>
    Seed,
}
