using Timing.Core.Cycle;

namespace Timing.Core.Nudges;

/// <summary>The words the cycle model itself puts in the lines of "Deze week", in Dutch and English.</summary>
public static class NudgeTexts
{
    /// <summary>Before the last of several names: "A, B en C".</summary>
    public static LocalizedText And { get; } = new(" en ", " and ");

    /// <summary>"8 andere gemeenten", after the first two names of many.</summary>
    public static LocalizedText OtherMunicipalitiesFormat { get; } = new("{0} andere gemeenten", "{0} other municipalities");

    /// <summary>Before the committee's title in a line about speaking rights.</summary>
    public static LocalizedText SpeakingAtTheCommittee { get; } = new("Inspreken: ", "Speaking at the committee: ");
}
