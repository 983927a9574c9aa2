using Timing.Core.Cycle;

namespace Timing.Municipalities;

/// <summary>Municipality names by code. Without a list, a well-formed code is shown as itself.</summary>
public sealed class MunicipalityDirectory
{
    public static readonly MunicipalityDirectory Empty = new([]);

    private readonly Dictionary<MunicipalityCode, Municipality> _byCode;

    public MunicipalityDirectory(IEnumerable<Municipality> municipalities)
    {
        _byCode = municipalities.ToDictionary(m => m.Code);
    }

    public int Count => _byCode.Count;

    public IEnumerable<Municipality> All => _byCode.Values.OrderBy(m => m.Code.Number);

    /// <summary>The named municipality, or the code shown as its own name when the list does not have it.</summary>
    public Municipality Describe(MunicipalityCode code) => _byCode.GetValueOrDefault(code) ?? Municipality.Unnamed(code);

    public bool Contains(MunicipalityCode code) => _byCode.ContainsKey(code);
}
