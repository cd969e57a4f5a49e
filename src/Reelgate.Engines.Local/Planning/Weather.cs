namespace Reelgate.Engines.Local.Planning;

/// <summary>The sky's weather: clouds, fog, lightning; also picks the ambience of the soundtrack.</summary>
public enum Weather
{
    Clear,
    Cloudy,
    Rain,
    Storm,
    Snow,
    Fog,
    Wind,
}
