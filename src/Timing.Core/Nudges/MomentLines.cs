using Timing.Core.Cycle;

namespace Timing.Core.Nudges;

/// <summary>
/// Folds lists that repeat one moment once per municipality into one line per moment: "Decembercirculaire ·
/// Amsterdam, Schiermonnikoog en Utrecht". Items join a line only when everything a reader acts on is the same:
/// the moment's kind and year, its dates and their basis, its advice, and what the caller adds (a lead time, an
/// open/coming flag). A director's own event belongs to one municipality and always keeps its own line.
/// </summary>
public static class MomentLines
{
    /// <param name="items">The list in the order it is read; a line takes the place of its first item.</param>
    /// <param name="moment">The moment an item is about.</param>
    /// <param name="municipality">The municipality an item is about.</param>
    /// <param name="same">What else must be equal for items to share a line (compared with <see cref="object.Equals(object?)"/>); null for nothing.</param>
    public static IReadOnlyList<MomentLine<T>> Group<T>(IEnumerable<T> items, Func<T, Moment> moment, Func<T, Municipality> municipality, Func<T, object?>? same = null)
    {
        var lines = new List<(List<T> Items, List<Municipality> Municipalities)>();
        var byKey = new Dictionary<LineKey, int>();
        foreach (var item in items)
        {
            var m = moment(item);
            var key = new LineKey(
                m.Kind,
                m.Cycle,
                m.Key.LocalId is null ? null : m.Key.Municipality.Value + "/" + m.Key.LocalId,
                m.Start,
                m.End,
                m.Basis,
                string.Join('\n', m.Advice.Nl, m.Advice.En, m.Note?.Nl, m.Estimate),
                same?.Invoke(item));
            if (!byKey.TryGetValue(key, out var index))
            {
                byKey[key] = index = lines.Count;
                lines.Add(([], []));
            }
            lines[index].Items.Add(item);
            var place = municipality(item);
            if (!lines[index].Municipalities.Any(p => p.Code == place.Code))
            {
                lines[index].Municipalities.Add(place);
            }
        }
        // Names read alphabetically wherever the items came from (an outbox holds them by row, a plan by code).
        return lines.Select(l => new MomentLine<T>(l.Items, l.Municipalities.OrderBy(m => m.Name, StringComparer.Ordinal).ToList())).ToArray();
    }

    /// <summary>
    /// The moment's name, followed by what the director typed for an event they entered ("Wethouder vertrekt:
    /// Wethouder Zorg en Welzijn vertrekt"), so a list or a mail says what the event is, not only its kind.
    /// </summary>
    public static string Title(Moment moment, Language language)
    {
        var title = moment.Title(language);
        var typed = moment.Basis == Basis.Local ? moment.Note?.In(language) : null;
        return string.IsNullOrWhiteSpace(typed) || typed == title ? title : $"{title}: {typed}";
    }

    /// <summary>Names joined as a reader says them: "A", "A en B", "A, B en C" (English: "A, B and C").</summary>
    public static string Names(IReadOnlyList<string> names, Language language)
    {
        var and = NudgeTexts.And.In(language);
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + and + names[^1],
        };
    }

    /// <summary>
    /// Names for a line that must stay short (a subject, a calendar title): up to three, else the first two and how
    /// many more ("Amsterdam, Utrecht en 8 andere gemeenten"). Whatever follows the line lists them all.
    /// </summary>
    public static string FewNames(IReadOnlyList<string> names, Language language) => names.Count <= 3
        ? Names(names, language)
        : Names([names[0], names[1], string.Format(System.Globalization.CultureInfo.InvariantCulture, NudgeTexts.OtherMunicipalitiesFormat.In(language), names.Count - 2)], language);

    private readonly record struct LineKey(string Kind, int Cycle, string? Local, LocalDate Start, LocalDate End, Basis Basis, string Advice, object? Same);
}
