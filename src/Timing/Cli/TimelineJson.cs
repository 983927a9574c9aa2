using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Timing.Core.Cycle;

namespace Timing.Cli;

/// <summary>The JSON form of a timeline, for scripts: the contract of <c>timing plan --format json</c>.</summary>
public static class TimelineJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(Timeline timeline, Language language)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("municipality");
            json.WriteString("code", timeline.Municipality.Code.Value);
            json.WriteString("name", timeline.Municipality.Name);
            json.WriteEndObject();
            json.WriteString("from", Iso(timeline.Range.Start));
            json.WriteString("to", Iso(timeline.Range.End));
            json.WriteStartArray("moments");
            foreach (var moment in timeline.Moments)
            {
                json.WriteStartObject();
                json.WriteString("key", moment.Key.ToString());
                json.WriteString("kind", moment.Kind);
                json.WriteNumber("cycle", moment.Cycle);
                json.WriteString("start", Iso(moment.Start));
                json.WriteString("end", Iso(moment.End));
                json.WriteString("basis", BasisId(moment.Basis));
                if (moment.Basis == Basis.Local && moment.Source is { } source)
                {
                    json.WriteString("source", source);
                }
                if (moment.Estimate is { } range)
                {
                    json.WriteStartObject("estimate");
                    json.WriteString("earliest", Iso(range.Start));
                    json.WriteString("latest", Iso(range.End));
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("estimate");
                }
                json.WriteStartArray("audiences");
                foreach (var audience in moment.Audiences)
                {
                    json.WriteStringValue(audience);
                }
                json.WriteEndArray();
                json.WriteString("title", moment.Title(language));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The lower-case id of a basis as it appears in JSON and feeds.</summary>
    public static string BasisId(Basis basis) => basis switch
    {
        Basis.Law => "law",
        Basis.Typical => "typical",
        Basis.Estimate => "estimate",
        Basis.Actual => "actual",
        Basis.Local => "local",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, null),
    };

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
