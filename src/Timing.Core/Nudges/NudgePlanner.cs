using Timing.Core.Cycle;

namespace Timing.Core.Nudges;

/// <summary>
/// Which nudges are due for whom: a pure function of the timelines, the recipients and today. Each moment's
/// lead times come from config/cycle.json; a nudge falls at 08:30 Europe/Amsterdam, on the next working day
/// when its day is a weekend or public holiday. Only nudges from today up to the horizon are planned, so a new
/// user is not flooded with reminders of the past.
/// </summary>
public static class NudgePlanner
{
    public static readonly LocalTime DeliveryTime = new(8, 30);

    public static IReadOnlyList<PlannedNudge> Plan(IEnumerable<Timeline> timelines, IReadOnlyList<Recipient> recipients, LocalDate today, int horizonDays = 400)
    {
        var last = today.PlusDays(horizonDays);
        // A moment that awaits its real date gets no reminders until someone answers.
        var byMunicipality = timelines.SelectMany(t => t.Moments).Where(m => m.Definition.Nudges.Count > 0 && !m.AwaitsDate)
            .GroupBy(m => m.Key.Municipality).ToDictionary(g => g.Key, g => g.ToArray());
        var sendDays = new Dictionary<LocalDate, (LocalDate Day, Instant At)>();
        var result = new List<PlannedNudge>();
        foreach (var recipient in recipients.Where(r => r.Mode is NudgeMode.Each or NudgeMode.Both))
        {
            var wanted = recipient.Municipalities
                .SelectMany(code => byMunicipality.GetValueOrDefault(code) ?? [])
                .Where(recipient.Wants);
            foreach (var moment in wanted)
            {
                foreach (var lead in moment.Definition.Nudges)
                {
                    var target = (lead.Edge == MomentEdge.Start ? moment.Start : moment.End) - lead.Lead;
                    if (!sendDays.TryGetValue(target, out var send))
                    {
                        var day = WorkingDays.OnOrAfter(target);
                        send = (day, day.At(DeliveryTime).InZoneLeniently(ProductTime.Zone).ToInstant());
                        sendDays[target] = send;
                    }
                    // Judged by the delivery day: a nudge whose day fell on a Sunday is still due on the Monday.
                    if (send.Day < today || send.Day > last)
                    {
                        continue;
                    }
                    result.Add(new PlannedNudge(recipient.Id, moment.Key, lead, send.Day, send.At));
                }
            }
        }
        return result;
    }

    /// <summary>The weekly digest's day, in Amsterdam time.</summary>
    public const IsoDayOfWeek DigestDay = IsoDayOfWeek.Monday;

    /// <summary>The weekly digest's time of day, in Amsterdam time.</summary>
    public static LocalTime DigestTime { get; } = new(7, 30);

    /// <summary>When the digest of the week that holds <paramref name="day"/> goes out: its Monday at 07:30 Amsterdam.</summary>
    public static Instant DigestOfWeek(LocalDate day) =>
        day.With(DateAdjusters.PreviousOrSame(DigestDay)).At(DigestTime).InZoneLeniently(ProductTime.Zone).ToInstant();

    /// <summary>The next Monday 07:30 Amsterdam on or after <paramref name="now"/>: when the weekly digest goes out.</summary>
    public static Instant NextDigest(Instant now)
    {
        var local = now.InZone(ProductTime.Zone).LocalDateTime;
        var monday = local.Date.With(DateAdjusters.NextOrSame(DigestDay));
        var at = monday.At(DigestTime);
        if (at < local)
        {
            at = monday.PlusWeeks(1).At(DigestTime);
        }
        return at.InZoneLeniently(ProductTime.Zone).ToInstant();
    }
}
