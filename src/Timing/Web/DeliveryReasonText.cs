using System.Text.RegularExpressions;
using Timing.Core.Cycle;

namespace Timing.Web;

/// <summary>
/// Why a reminder was not delivered, in the page's language. The worker stores its reason once, in English (the
/// operator's log speaks English too); a Dutch page shows the same reason in Dutch. The server's own answer, addresses
/// and settings keep their exact text. A reason this list does not know is shown as stored.
/// </summary>
public static partial class DeliveryReasonText
{
    private static readonly (Regex English, string Dutch)[] Reasons =
    [
        (OutcomeUnknown(), "uitkomst onbekend, niet opnieuw verstuurd: {0}; kijk in het logboek van {1} voordat u opnieuw verstuurt"),
        (RecipientRefused(), "de mailserver weigerde de ontvanger {0}: {1}"),
        (RecipientNotNow(), "de mailserver nam de ontvanger {0} nu niet aan: {1}"),
        (SenderRefused(), "de mailserver weigerde de afzender {0}: {1}; controleer Mail:From"),
        (MessageRefused(), "de mailserver weigerde het bericht: {0}"),
        (TryLater(), "de mailserver vroeg het later opnieuw te proberen: {0}"),
        (LoginRefused(), "de mailserver {0} weigerde de aanmelding ({1}): controleer Mail:User en Mail:Password, of Mail:AccessToken"),
        (NoServer(), "geen mailserver antwoordt op {0} (verbinding geweigerd): controleer Mail:Host en Mail:Port, of de server draait"),
        (NoConnection(), "geen verbinding met de mailserver {0} ({1}): controleer Mail:Host en Mail:Port"),
        (NoAnswer(), "de mailserver {0} antwoordde niet binnen {1} s (Mail:TimeoutSeconds); het bericht is niet overgedragen"),
        (SecureConnection(), "de beveiligde verbinding met {0} mislukte ({1}): controleer Mail:Security en Mail:Port"),
        (ConnectionBroke(), "de verbinding met de mailserver {0} brak af voordat het bericht was overgedragen ({1})"),
        (PickupFolderMissing(), "de pickupmap {0} kan niet worden gemaakt: {1}"),
        (PickupFolderWrite(), "er kan niet worden geschreven in de pickupmap {0}: {1}"),
        (ProcessStopped(), "het verzendproces stopte tijdens het overdragen van dit bericht aan de mailserver; kijk in het logboek van de server voordat u opnieuw verstuurt"),
        (Gone(), "het moment of de persoon bestaat niet meer"),
        (HeldBack(), "tegengehouden: dit adres kreeg vandaag al het maximum aantal e-mails (Mail:DailyLimitPerRecipient); gaat morgenochtend"),
        (AllRetracted(), "elke herinnering van deze dag werd ingetrokken voordat de e-mail ging"),
    ];

    public static string? In(string? reason, Language language)
    {
        if (reason is null || language == Language.En)
        {
            return reason;
        }
        foreach (var (english, dutch) in Reasons)
        {
            var match = english.Match(reason);
            if (match.Success)
            {
                var values = match.Groups.Values.Skip(1).Select(g => (object)Server(g.Value)).ToArray();
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, dutch, values);
            }
        }
        return reason;
    }

    /// <summary>The one server name that is words rather than an address.</summary>
    private static string Server(string value) => value == "the pickup folder" ? "de pickupmap" : value;

    [GeneratedRegex(@"^outcome unknown, not resent: (.*); check the log of (.+) before resending$", RegexOptions.Singleline)]
    private static partial Regex OutcomeUnknown();

    [GeneratedRegex(@"^the mail server refused the recipient (\S*): (.*)$", RegexOptions.Singleline)]
    private static partial Regex RecipientRefused();

    [GeneratedRegex(@"^the mail server did not accept the recipient (\S*) for now: (.*)$", RegexOptions.Singleline)]
    private static partial Regex RecipientNotNow();

    [GeneratedRegex(@"^the mail server refused the sender (\S*): (.*); check Mail:From$", RegexOptions.Singleline)]
    private static partial Regex SenderRefused();

    [GeneratedRegex(@"^the mail server refused the message: (.*)$", RegexOptions.Singleline)]
    private static partial Regex MessageRefused();

    [GeneratedRegex(@"^the mail server asked to try again later: (.*)$", RegexOptions.Singleline)]
    private static partial Regex TryLater();

    [GeneratedRegex(@"^the mail server (.+?) refused the login \((.*)\): check Mail:User and Mail:Password, or Mail:AccessToken$", RegexOptions.Singleline)]
    private static partial Regex LoginRefused();

    [GeneratedRegex(@"^no mail server answers at (.+?) \(connection refused\): check Mail:Host and Mail:Port, or whether the server runs$", RegexOptions.Singleline)]
    private static partial Regex NoServer();

    [GeneratedRegex(@"^no connection to the mail server (.+?) \((.*)\): check Mail:Host and Mail:Port$", RegexOptions.Singleline)]
    private static partial Regex NoConnection();

    [GeneratedRegex(@"^the mail server (.+?) did not answer within (\d+) s \(Mail:TimeoutSeconds\); the message was not handed over$", RegexOptions.Singleline)]
    private static partial Regex NoAnswer();

    [GeneratedRegex(@"^the secure connection to (.+?) failed \((.*)\): check Mail:Security and Mail:Port$", RegexOptions.Singleline)]
    private static partial Regex SecureConnection();

    [GeneratedRegex(@"^the connection to the mail server (.+?) broke before the message was handed over \((.*)\)$", RegexOptions.Singleline)]
    private static partial Regex ConnectionBroke();

    [GeneratedRegex(@"^cannot create the pickup folder (.+?): (.*)$", RegexOptions.Singleline)]
    private static partial Regex PickupFolderMissing();

    [GeneratedRegex(@"^cannot write to the pickup folder (.+?): (.*)$", RegexOptions.Singleline)]
    private static partial Regex PickupFolderWrite();

    [GeneratedRegex(@"^the sending process stopped while handing this message to the mail server; check the server's log before resending$")]
    private static partial Regex ProcessStopped();

    [GeneratedRegex(@"^the moment or the person no longer exists$")]
    private static partial Regex Gone();

    [GeneratedRegex(@"^held back: this address had its most mails for today \(Mail:DailyLimitPerRecipient\); it goes the next morning$")]
    private static partial Regex HeldBack();

    [GeneratedRegex(@"^every reminder of this day was retracted before it went$")]
    private static partial Regex AllRetracted();
}
