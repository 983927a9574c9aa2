namespace Timing.Core.Cycle;

/// <summary>The moments of one municipality that overlap a date range, in date order.</summary>
public sealed record Timeline(Municipality Municipality, DateInterval Range, IReadOnlyList<Moment> Moments)
{
    /// <summary>The moment with this kind and cycle, if it lies in the range.</summary>
    public Moment? Find(string kind, int cycle) =>
        Moments.FirstOrDefault(m => m.Kind == kind && m.Cycle == cycle && m.Key.LocalId is null);
}
