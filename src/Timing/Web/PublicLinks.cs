using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// The service's public address (Feeds:BaseUrl) and every whole address built from it, for mail, feeds and pages that
/// show an address to copy. These are made without a request (the worker and the command line have none), so the paths
/// are spelt here; a test holds them to the pages' own routes. Links between pages come from <see cref="PageLinks"/>.
/// </summary>
public sealed class PublicLinks(string baseUrl)
{
    /// <summary>The address without a trailing slash, e.g. https://timing.example.nl.</summary>
    public string Base { get; } = baseUrl.TrimEnd('/');

    /// <summary>The host name, e.g. for Message-IDs.</summary>
    public string Host => new Uri(Base).Host;

    /// <summary>The page of one moment, e.g. /gemeenten/GM0344/momenten/election/2026.</summary>
    public Uri Moment(MomentKey key) => new($"{Base}/gemeenten/{key.Municipality.Value}/momenten/{Uri.EscapeDataString(key.Kind)}/{key.Cycle}"
        + (key.LocalId is null ? "" : "/" + Uri.EscapeDataString(key.LocalId)));

    /// <summary>The signed-in overview with "Deze week", where questions shared by several municipalities are answered.</summary>
    public Uri Overview => new($"{Base}/");

    /// <summary>A followed municipality's page (signed in), where its questions are answered.</summary>
    public Uri Municipality(MunicipalityCode code) => new($"{Base}/gemeenten/{code.Value}");

    /// <summary>The public page of a moment, open to anyone: what public feeds link to.</summary>
    public Uri PublicMoment(MomentKey key) => new($"{Base}/openbaar/gemeenten/{key.Municipality.Value}/momenten/{Uri.EscapeDataString(key.Kind)}/{key.Cycle}");

    /// <summary>
    /// The link a mail gives for a moment: its public page, which anyone can open and which takes a signed-in reader
    /// on to their organisation's page (signing in from it comes back there too). An organisation's own event has no
    /// public page, so its link is the signed-in one.
    /// </summary>
    public Uri MailMoment(MomentKey key) => key.LocalId is null ? PublicMoment(key) : Moment(key);

    /// <summary>A municipality's public feed, open to anyone.</summary>
    public Uri MunicipalityFeed(MunicipalityCode code) => new($"{Base}/feeds/{code.Value}.ics");

    /// <summary>The page where a person finds and renews their calendar feed.</summary>
    public Uri MyFeed => new($"{Base}/mijn-feed");

    /// <summary>A person's own feed; the token is the secret part.</summary>
    public Uri PersonalFeed(string token) => new($"{Base}/feeds/p/{Uri.EscapeDataString(token)}.ics");

    /// <summary>The one-click unsubscribe address (RFC 8058), also a page with a button.</summary>
    /// <param name="digestOnly">The weekly digest's link: it stops the digest alone (the page also offers stopping everything).</param>
    public Uri Unsubscribe(string token, bool digestOnly = false) =>
        new($"{Base}/afmelden-nudges/{Uri.EscapeDataString(token)}{(digestOnly ? $"?{DigestOnlyParameter}={DigestOnlyValue}" : "")}");

    /// <summary>The query parameter that makes an unsubscribe link stop the weekly digest alone (?alleen=overzicht).</summary>
    public const string DigestOnlyParameter = "alleen";

    /// <summary>Its value, also the page's "done" value after stopping the digest alone (?klaar=overzicht).</summary>
    public const string DigestOnlyValue = "overzicht";

    /// <summary>The page where an invited colleague accepts, in their language.</summary>
    public Uri Invitation(string token, Language language) =>
        new($"{Base}/uitnodiging/{Uri.EscapeDataString(token)}{(language == Language.En ? "?lang=en" : "")}");

    /// <summary>The address in a sign-in mail.</summary>
    /// <param name="returnPath">The page to open after signing in, if any: it survives the trip through the mail.</param>
    public Uri SignIn(string token, Language language, string? returnPath = null) =>
        new($"{Base}/aanmelden/bevestigen?t={Uri.EscapeDataString(token)}{(language == Language.En ? "&lang=en" : "")}"
            + (Timing.Web.SignIn.ReturnPath.Safe(returnPath) is { } back ? $"&{ReturnParameter}={Uri.EscapeDataString(back)}" : ""));

    /// <summary>The sign-in link's parameter for the page to open afterwards.</summary>
    public const string ReturnParameter = "r";
}
