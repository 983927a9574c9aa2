namespace Timing.Core.Cycle;

/// <summary>Why a moment falls on its date; shown to users so they know how firm a date is.</summary>
public enum Basis
{
    /// <summary>Set by statute (Kieswet, Gemeentewet, Wet arhi, Grondwet).</summary>
    Law,

    /// <summary>Observed practice; the municipality may differ.</summary>
    Typical,

    /// <summary>Not known yet: a median with a range (p10–p90), or derived from such a date.</summary>
    Estimate,

    /// <summary>The real date, entered for this municipality.</summary>
    Actual,

    /// <summary>A local fact: the municipality's own schedule, school region or event.</summary>
    Local,
}
