namespace Timing.Core.Cycle;

/// <summary>An event a user added for one municipality, such as a hearing or a coalition crisis.</summary>
/// <param name="Id">A stable id within the municipality, used for the moment key.</param>
/// <param name="Title">The title as the user typed it.</param>
/// <param name="Dates">The day or days of the event.</param>
/// <param name="Description">Optional notes.</param>
public sealed record LocalEvent(string Id, string Title, DateInterval Dates, string? Description = null);
