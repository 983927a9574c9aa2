namespace Timing.Core.Cycle;

/// <summary>
/// An event a director added for one municipality: a free event (a hearing) or one of the entered kinds
/// (a wethouder leaving, a coalition break, a new burgemeester, the subsidy round, the rekenkamer's plan),
/// which brings the names, advice and reminders of that kind.
/// </summary>
/// <param name="Id">A stable id within the municipality, used for the moment key.</param>
/// <param name="Title">The title as the user typed it (may be empty for an entered kind).</param>
/// <param name="Dates">The day or days of the event.</param>
/// <param name="Description">Optional notes.</param>
/// <param name="Kind">The moment kind: <see cref="MomentKinds.LocalEvent"/> or a kind the rule file marks "entered".</param>
public sealed record LocalEvent(string Id, string Title, DateInterval Dates, string? Description = null, string Kind = MomentKinds.LocalEvent);
