namespace Timing.Core.Cycle;

/// <summary>The languages users read Timing in. Dutch first.</summary>
public enum Language
{
    Nl,
    En,
}
