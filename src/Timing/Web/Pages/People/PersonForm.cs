using Timing.Storage;

namespace Timing.Web.Pages.People;

/// <summary>What the person fields show: the current values when editing, the entered ones after an error.</summary>
public sealed record PersonForm(
    string? Email,
    bool EmailEditable,
    string? EmailError,
    string? Name,
    string? NameError,
    string Language,
    string NudgeMode,
    bool Unsubscribed,
    IReadOnlySet<string> Audiences,
    IReadOnlySet<string> Municipalities,
    IReadOnlyList<FollowedMunicipality> All);
