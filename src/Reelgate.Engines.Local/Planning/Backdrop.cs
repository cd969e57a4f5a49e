namespace Reelgate.Engines.Local.Planning;

/// <summary>The landscape behind the subjects.</summary>
public enum Backdrop
{
    Hills,
    Mountains,
    City,
    Sea,
    Forest,
    Desert,
    Space,
}
