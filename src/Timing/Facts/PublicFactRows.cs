using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Storage;

namespace Timing.Facts;

/// <summary>
/// Reading and changing public facts. A change adds a row; nothing is overwritten, so the history of every
/// fact (previous values, who or what set them, when, and reverts) stays readable.
/// </summary>
public static class PublicFactRows
{
    /// <summary>The current value of every fact of these municipalities (all municipalities when null).</summary>
    public static async Task<List<PublicFact>> CurrentAsync(TimingDbContext db, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken)
    {
        var query = db.PublicFacts.AsNoTracking().Where(f => f.Reverted == null);
        if (codes is not null)
        {
            query = query.Where(f => codes.Contains(f.Code));
        }
        var rows = await query.ToListAsync(cancellationToken);
        return rows.GroupBy(f => (f.Code, f.Kind, f.Cycle)).Select(g => g.MaxBy(f => f.Id)!).OrderBy(f => f.Code).ThenBy(f => f.Start).ToList();
    }

    /// <summary>A fact as the planner reads it: a local date with its source.</summary>
    public static ActualDate ToActual(PublicFact fact) =>
        new(fact.Kind, fact.Cycle, new DateInterval(fact.Start, fact.End), Basis.Local, SourceText(fact));

    /// <summary>"Begrotingsraad 2028 (https://…)": what the moment cites.</summary>
    public static string SourceText(PublicFact fact) => fact.SourceUrl.Length == 0 ? fact.Source : $"{fact.Source} ({fact.SourceUrl})";

    /// <summary>
    /// Sets a fact unless its current value already says the same. Returns the added row, or null; the caller saves.
    /// </summary>
    public static async Task<PublicFact?> SetAsync(TimingDbContext db, string code, string kind, int cycle, DateInterval dates,
        string source, string sourceUrl, long? meetingId, string setBy, Instant now, CancellationToken cancellationToken)
    {
        var current = await db.PublicFacts.Where(f => f.Code == code && f.Kind == kind && f.Cycle == cycle && f.Reverted == null)
            .OrderByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken);
        var start = dates.Start;
        var end = dates.End;
        if (current is not null && current.Start == start && current.End == end && current.Source == source && current.SourceUrl == sourceUrl)
        {
            return null;
        }
        var row = new PublicFact
        {
            Code = code, Kind = kind, Cycle = cycle, Start = start, End = end, Source = Cut(source, 500), SourceUrl = Cut(sourceUrl, 2000),
            MeetingId = meetingId, SetBy = Cut(setBy, 254), SetAt = now,
        };
        db.PublicFacts.Add(row);
        return row;
    }

    /// <summary>
    /// Reverts the current value of a fact: the previous value (if any) becomes current again. The reverted row
    /// stays, marked with who reverted it and when.
    /// </summary>
    public static async Task<PublicFact?> RevertAsync(TimingDbContext db, string code, string kind, int cycle, string by, Instant now, CancellationToken cancellationToken)
    {
        var current = await db.PublicFacts.Where(f => f.Code == code && f.Kind == kind && f.Cycle == cycle && f.Reverted == null)
            .OrderByDescending(f => f.Id).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return null;
        }
        current.Reverted = now;
        current.RevertedBy = Cut(by, 254);
        await db.SaveChangesAsync(cancellationToken);
        return current;
    }

    /// <summary>Every value every fact of the municipality had, newest first: the public audit trail.</summary>
    public static Task<List<PublicFact>> HistoryAsync(TimingDbContext db, string code, int limit, CancellationToken cancellationToken) =>
        db.PublicFacts.AsNoTracking().Where(f => f.Code == code).OrderByDescending(f => f.Id).Take(limit).ToListAsync(cancellationToken);

    /// <summary>"2028-11-09", or "2028-11-09/2028-11-12" for several days: how dates read in audit trails.</summary>
    public static string Describe(LocalDate start, LocalDate end) =>
        start == end ? Iso(start) : $"{Iso(start)}/{Iso(end)}";

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
