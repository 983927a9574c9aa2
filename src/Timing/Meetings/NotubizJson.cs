using System.Text.Json;
using System.Text.Json.Serialization;

namespace Timing.Meetings;

/// <summary>
/// The answers of the Notubiz API (format=json) as typed records, in the shape Notubiz sends them: an event's title
/// and place are numbered attributes, its gremium carries only an id, agenda item titles sit in type_data.
/// </summary>
public static class NotubizJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new LenientString() },
    };

    /// <summary><c>GET /events?organisation_id=…</c>.</summary>
    public sealed record EventsPage(IReadOnlyList<Event>? Events, Pagination? Pagination);

    public sealed record Pagination(bool HasMorePages);

    /// <summary>One event: a <c>meeting</c>, or an <c>assembly</c> that only groups meetings.</summary>
    public sealed record Event(long Id, string? Type, string? PermissionGroup, bool Canceled, Reference? Gremium,
        IReadOnlyList<Attribute>? Attributes, IReadOnlyList<Planning>? Plannings, string? Url);

    public sealed record Reference(long Id);

    public sealed record Attribute(long Id, string? Value);

    public sealed record Planning(string? StartDate);

    /// <summary><c>GET /events/meetings/{id}</c>.</summary>
    public sealed record MeetingAnswer(MeetingDetail? Meeting);

    public sealed record MeetingDetail(long Id, string? Url, IReadOnlyList<AgendaItem>? AgendaItems);

    public sealed record AgendaItem(TypeData? TypeData, string? PermissionGroup, IReadOnlyList<AgendaItem>? AgendaItems);

    public sealed record TypeData(bool Heading, IReadOnlyList<Attribute>? Attributes);

    /// <summary><c>GET /organisations/{id}/gremia</c>.</summary>
    public sealed record GremiaAnswer(IReadOnlyList<Gremium>? Gremia);

    public sealed record Gremium(long Id, string? Title);

    /// <summary><c>GET /organisations/{id}/entity_type_settings</c>: which attribute id the organisation labels how.</summary>
    public sealed record SettingsAnswer(EntityTypeSettings? EntityTypeSettings);

    public sealed record EntityTypeSettings(GremiumFieldSettingsList? EventsSettings);

    public sealed record GremiumFieldSettingsList(IReadOnlyList<GremiumFieldSettings>? GremiumFieldSettings);

    public sealed record GremiumFieldSettings(IReadOnlyList<FieldSetting>? FieldsSettings);

    public sealed record FieldSetting(long FieldId, string? Label);

    /// <summary>An attribute's value as text, whatever JSON type the organisation stored it as.</summary>
    private sealed class LenientString : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
                case JsonTokenType.Null:
                    return null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
