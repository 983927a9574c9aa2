namespace Timing.Core.Elections;

/// <summary>The dated facts of config/elections.json: one-off statutory exceptions and other arenas' elections.</summary>
public sealed class ElectionCalendar
{
    public static readonly ElectionCalendar Empty = new([], []);

    private readonly Dictionary<(ElectionBody, int, string), StatutoryException> _exceptions;

    public ElectionCalendar(IReadOnlyList<StatutoryException> exceptions, IReadOnlyList<KnownElection> otherElections)
    {
        Exceptions = exceptions;
        OtherElections = otherElections;
        _exceptions = exceptions.ToDictionary(e => (e.Body, e.Year, e.Kind));
    }

    public IReadOnlyList<StatutoryException> Exceptions { get; }

    public IReadOnlyList<KnownElection> OtherElections { get; }

    /// <summary>The exception for one moment of one regular election, if a temporary act set one.</summary>
    public StatutoryException? ExceptionFor(ElectionBody body, int year, string kind) =>
        _exceptions.GetValueOrDefault((body, year, kind));
}
