namespace Timing.Core.Cycle;

/// <summary>One dated moment of a municipality's timeline. A point has <see cref="Start"/> = <see cref="End"/>.</summary>
public sealed record Moment
{
    public Moment(MomentKey key, MomentDefinition definition, LocalDate start, LocalDate end, Basis basis,
        DateInterval? estimate = null, string? source = null)
    {
        if (end < start)
        {
            throw new ArgumentException(
                $"End must not be before start (start {start:yyyy-MM-dd}, end {end:yyyy-MM-dd}).", nameof(end));
        }
        Key = key;
        Definition = definition;
        Start = start;
        End = end;
        Basis = basis;
        Estimate = estimate;
        Source = source;
    }

    public MomentKey Key { get; }

    /// <summary>What the moment is: names, advice, audiences and nudge lead times from config.</summary>
    public MomentDefinition Definition { get; }

    public LocalDate Start { get; }

    /// <summary>The last day of the moment (inclusive).</summary>
    public LocalDate End { get; }

    public Basis Basis { get; }

    /// <summary>For estimates: the earliest and latest plausible days (p10 of the start, p90 of the end).</summary>
    public DateInterval? Estimate { get; }

    /// <summary>The article or act the date comes from, for law-based moments.</summary>
    public string? Source { get; }

    /// <summary>A remark on how firm the dates are, shown with the moment (e.g. a default used for a year without data).</summary>
    public LocalizedText? Note { get; init; }

    /// <summary>
    /// An estimate whose expected date has passed with no real date entered: Timing asks for the real date instead of
    /// guessing, the dates are narrowed to what is still possible, and reminders for it wait for the answer.
    /// </summary>
    public bool AwaitsDate { get; init; }

    /// <summary>Where the moment lies in the council's term; null when the planner did not place it.</summary>
    public TermYear? TermYear { get; init; }

    /// <summary>What to do at this moment: the advice for its year of the term when config has a variant.</summary>
    public LocalizedText Advice => Definition.AdviceFor(TermYear);

    /// <summary>What to take along at this moment, for its year of the term; null where nothing fits the moment.</summary>
    public LocalizedText? Bring => Definition.BringFor(TermYear);

    public string Kind => Key.Kind;

    public int Cycle => Key.Cycle;

    public bool IsPoint => Start == End;

    public DateInterval Dates => new(Start, End);

    public IReadOnlyList<string> Audiences => Definition.Audiences;

    /// <summary>The name as users read it; planning-and-control documents carry the budget year they concern.</summary>
    public string Title(Language language) => Definition.NameIn(Cycle, language);
}
