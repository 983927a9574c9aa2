using Timing.Core.Cycle;
using Timing.Core.Nudges;
using Timing.Storage;

namespace Timing.Web.Pages.People;

/// <summary>What the person fields show: the current values when editing, the entered ones after an error.</summary>
public sealed record PersonForm(
    string? Email,
    bool EmailEditable,
    string? EmailError,
    string? Name,
    string? NameError,
    Language Language,
    NudgeMode NudgeMode,
    bool Unsubscribed,
    IReadOnlySet<string> Audiences,
    IReadOnlySet<string> Municipalities,
    IReadOnlyList<FollowedMunicipality> All);

/// <summary>The values the person fields post for a language and a reminder setting.</summary>
public static class PersonFormValues
{
    /// <summary>The reminder settings in the order the form offers them.</summary>
    public static IReadOnlyList<NudgeMode> Modes { get; } = [NudgeMode.Each, NudgeMode.Digest, NudgeMode.Both, NudgeMode.None];

    public static string Value(Language language) => Ui.Code(language);

    /// <summary>"en" is English; anything else Dutch.</summary>
    public static Language Language(string? value) => value == "en" ? Core.Cycle.Language.En : Core.Cycle.Language.Nl;

    public static string Value(NudgeMode mode) => mode switch
    {
        NudgeMode.Digest => "digest",
        NudgeMode.Both => "both",
        NudgeMode.None => "none",
        _ => "each",
    };

    /// <summary>The setting a posted value names, or null for a value the form never offers.</summary>
    public static NudgeMode? Mode(string? value) => Modes.Cast<NudgeMode?>().FirstOrDefault(m => Value(m!.Value) == value);
}
