namespace Timing.Core.Cycle;

/// <summary>A municipality as users know it: its CBS code and official name.</summary>
public sealed record Municipality(MunicipalityCode Code, string Name)
{
    /// <summary>A municipality whose name is not known: it is shown as its code.</summary>
    public static Municipality Unnamed(MunicipalityCode code) => new(code, code.Value);
}
