namespace Timing.Meetings;

/// <summary>
/// Whether a meeting's title says nothing by itself about what it decides: "Gemeenteraad", "Raadsvergadering",
/// "Meningsvorming Raadzaal". Real councils mostly title their budget debate that way and name the Programmabegroting
/// only in an agenda item, so for these meetings the agenda is read. A title that names a planning-and-control
/// document is read as it is; a title that is no council or committee meeting (a concert, a reception) is not worth a request.
/// </summary>
public static class GenericTitles
{
    private static readonly string[] Documents =
        ["begroting", "kadernota", "voorjaarsnota", "kaderbrief", "jaarrekening", "jaarstukken", "jaarverslag", "perspectiefnota", "zomernota", "najaarsnota"];

    private static readonly string[] MeetingWords =
        ["raad", "commissie", "vergadering", "vorming", "ronde tafel", "rondetafel", "sessie", "debat", "besluit", "beraad", "informeren", "politieke markt"];

    public static bool SaysNothing(string title, string committee)
    {
        var text = title.ToLowerInvariant();
        if (Documents.Any(d => text.Contains(d, StringComparison.Ordinal)))
        {
            return false;
        }
        var both = text + " " + committee.ToLowerInvariant();
        return MeetingWords.Any(w => both.Contains(w, StringComparison.Ordinal));
    }
}
