using Microsoft.AspNetCore.Mvc;
using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// Links between the signed-in pages, made by the routing from each page's <c>@page</c> template, so a path is
/// spelt once. Mail and feeds need whole addresses outside a request: those come from <see cref="PublicLinks"/>.
/// </summary>
public static class PageLinks
{
    public static string Municipality(this IUrlHelper url, string code) => url.Page("/Municipalities/Detail", new { code })!;

    public static string AddMunicipality(this IUrlHelper url) => url.Page("/Municipalities/Add")!;

    /// <summary>A municipality's public page: shared facts, meeting calendar and changes.</summary>
    public static string MunicipalityPublic(this IUrlHelper url, string code) => url.Page("/Municipalities/Public", new { code })!;

    /// <summary>The signed-in page of a moment; an organisation's own event carries its id.</summary>
    public static string Moment(this IUrlHelper url, MomentKey key) =>
        url.Page("/Municipalities/Moment", new { code = key.Municipality.Value, kind = key.Kind, cycle = key.Cycle, localId = key.LocalId })!;

    /// <summary>The confirmation step before an operator reverts a public fact.</summary>
    public static string RevertFact(this IUrlHelper url, string code, string kind, int cycle) =>
        url.Page("/Municipalities/RevertFact", new { code, kind, cycle })!;

    /// <summary>The confirmation step before a director removes an actual date ("datum"), an event ("gebeurtenis") or the municipality ("gemeente").</summary>
    public static string Remove(this IUrlHelper url, string code, string what, int? id = null) =>
        url.Page("/Municipalities/Remove", new { code, what, id })!;
}
