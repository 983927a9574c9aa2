namespace Timing.Core.Elections;

/// <summary>The representative bodies whose regular elections follow the Kieswet calendar.</summary>
public enum ElectionBody
{
    /// <summary>Gemeenteraad: regular elections in years ≡ 2 (mod 4): 2022, 2026, 2030…</summary>
    MunicipalCouncil,

    /// <summary>Provinciale Staten and the waterschappen: regular elections in years ≡ 3 (mod 4): 2023, 2027…</summary>
    ProvincialAndWaterBoards,
}
