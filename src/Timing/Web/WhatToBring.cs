using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>What to take along when approaching each audience: the practical half of a moment's advice.</summary>
public static class WhatToBring
{
    private static readonly Dictionary<string, LocalizedText> Texts = new(StringComparer.Ordinal)
    {
        [Audiences.Parties] = new(
            "Twee of drie concrete voorstellen voor het verkiezingsprogramma, met een cijfer en een voorbeeld uit uw praktijk.",
            "Two or three concrete proposals for the election programme, each with a figure and an example from your work."),
        [Audiences.Candidates] = new(
            "Een korte kennismaking: wie u bent, wie u helpt, en een uitnodiging om een dag mee te lopen.",
            "A short introduction: who you are, whom you help, and an invitation to spend a day with your team."),
        [Audiences.Councillors] = new(
            "Eén A4 over wat uw organisatie doet, voor wie, en welke vragen de raad aan het college kan stellen.",
            "One page on what your organisation does, for whom, and which questions the council can put to the executive."),
        [Audiences.Negotiators] = new(
            "Eén concrete zin die u in het akkoord wilt zien, met wat die kost en wat die oplevert.",
            "One concrete sentence you want in the agreement, with what it costs and what it brings."),
        [Audiences.College] = new(
            "Uw bijdrage aan de plannen van het college, in hun eigen woorden, en wat u daarvoor van de gemeente nodig heeft.",
            "Your contribution to the executive's plans, in their own words, and what you need from the municipality for it."),
        [Audiences.CivilServants] = new(
            "Cijfers over bereik en resultaat, en een voorstel voor hoe u de uitwerking samen oppakt.",
            "Figures on reach and results, and a proposal for working the plans out together."),
        [Audiences.Finance] = new(
            "Uw begroting en subsidiebehoefte voor het komende jaar, met de gevolgen van minder of meer geld.",
            "Your budget and funding need for the coming year, with what less or more money would mean."),
    };

    /// <summary>One line per audience of the moment, in the order of the moment's audiences.</summary>
    public static IReadOnlyList<(string Audience, string Text)> For(Moment moment, Language language) =>
        moment.Audiences.Where(Texts.ContainsKey).Select(a => (Audiences.Name(a, language), Texts[a].In(language))).ToList();
}
