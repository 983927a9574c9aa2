using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Timing.People;
using Timing.Storage;

namespace Timing.Tests.Web;

/// <summary>Intent-level helpers for page tests over HTTP: create people, sign in through the mailed link, post forms.</summary>
public static partial class Browserless
{
    public static HttpClient Client(this TimingFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    public static async Task<Person> CreateDirectorAsync(this TimingFactory factory, string email, string organisation)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        return await Directors.AddDirectorAsync(db, email, organisation, "", Core.Cycle.Language.Nl, factory.Clock.GetCurrentInstant(), CancellationToken.None);
    }

    public static async Task<Person> CreateMemberAsync(this TimingFactory factory, string email, int organisationId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TimingDbContext>();
        var person = new Person { Email = email, OrganisationId = organisationId, Role = Roles.Member, Accepted = NodaTime.Instant.FromUnixTimeSeconds(0) };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>Requests a link, reads it from the pickup folder and uses it, as a person would.</summary>
    public static async Task SignInAsync(this HttpClient client, TimingFactory factory, string email, Func<MimeMessage[]>? mailbox = null)
    {
        await client.ConfirmLinkAsync(await RequestLinkAsync(client, factory, email, mailbox));
    }

    /// <summary>Opens a sign-in link from a mail and confirms it, as the person's browser does.</summary>
    public static async Task ConfirmLinkAsync(this HttpClient client, Uri link)
    {
        var confirm = await client.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var token = TokenField().Match(confirm).Groups[1].Value;
        var response = await client.PostFormAsync(link.PathAndQuery, confirm, new() { ["t"] = token });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <param name="mailbox">Where the mail arrives; by default the pickup folder (no SMTP host configured).</param>
    public static async Task<Uri> RequestLinkAsync(this HttpClient client, TimingFactory factory, string email, Func<MimeMessage[]>? mailbox = null)
    {
        mailbox ??= () => Mails(factory);
        var before = mailbox().Length;
        var page = await client.GetStringAsync(new Uri("/aanmelden", UriKind.Relative));
        var response = await client.PostFormAsync("/aanmelden", page, new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await factory.SignInQueueHandledAsync();
        var mails = await WaitForMailsAsync(mailbox, before + 1);
        Assert.Equal(before + 1, mails.Length);
        var text = mails.Last().TextBody ?? "";
        return new Uri(LinkInMail().Match(text).Value);
    }

    /// <summary>Waits until the sign-in requests accepted so far have been handled in the background (mailed or not).</summary>
    public static async Task SignInQueueHandledAsync(this TimingFactory factory)
    {
        var queue = factory.Services.GetRequiredService<Timing.Web.SignIn.SignInMailQueue>();
        for (var i = 0; i < 600 && queue.Pending > 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, queue.Pending);
    }

    /// <summary>The mailbox once it holds at least <paramref name="count"/> messages (mail is sent in the background), or as it is after a minute.</summary>
    public static async Task<MimeMessage[]> WaitForMailsAsync(Func<MimeMessage[]> mailbox, int count)
    {
        var mails = mailbox();
        for (var i = 0; i < 600 && mails.Length < count; i++)
        {
            await Task.Delay(100);
            mails = mailbox();
        }
        return mails;
    }

    public static MimeMessage[] Mails(TimingFactory factory) => Directory.Exists(factory.PickupDirectory)
        ? Directory.GetFiles(factory.PickupDirectory, "*.eml").OrderBy(File.GetLastWriteTimeUtc).Select(f => MimeMessage.Load(f)).ToArray()
        : [];

    /// <summary>Accepts the invitation in the newest mail to an address in the pickup folder, as its recipient would: open the page, press the button.</summary>
    public static async Task AcceptInvitationAsync(this TimingFactory factory, string email)
    {
        var invitation = Mails(factory).Last(m => m.To.Mailboxes.Any(b => b.Address == email) && (m.TextBody ?? "").Contains("/uitnodiging/", StringComparison.Ordinal));
        var link = new Uri(InvitationLink().Match(invitation.TextBody!).Value);
        var client = factory.Client();
        var page = await client.GetStringAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        await client.PostAndFollowAsync(link.PathAndQuery, page, []);
    }

    [GeneratedRegex(@"https?://\S+/uitnodiging/\S+")]
    private static partial Regex InvitationLink();

    /// <summary>Posts a form like a browser: with the anti-forgery token of the page it came from.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string pageHtml, Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = AntiForgery().Match(pageHtml).Groups[1].Value };
        return client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>Posts a form and follows the redirect (post/redirect/get), returning the page shown after it.</summary>
    public static async Task<string> PostAndFollowAsync(this HttpClient client, string url, string pageHtml, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync(url, pageHtml, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetStringAsync(response.Headers.Location!.IsAbsoluteUri ? new Uri(response.Headers.Location.PathAndQuery, UriKind.Relative) : response.Headers.Location);
    }

    /// <summary>Makes a personal feed address on "Mijn agenda-feed" and reads it back from the page, as its owner would.</summary>
    public static async Task<string> MakeFeedAsync(this HttpClient client)
    {
        var page = await client.GetStringAsync(new Uri("/mijn-feed", UriKind.Relative));
        var shown = await client.PostAndFollowAsync("/mijn-feed", page, []);
        return FeedAddress().Match(shown).Groups[1].Value;
    }

    [GeneratedRegex("data-full=\"([^\"]+)\"")]
    private static partial Regex FeedAddress();

    /// <summary>The anti-forgery token in a page's form.</summary>
    public static string AntiForgeryToken(string pageHtml) => AntiForgery().Match(pageHtml).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgery();

    [GeneratedRegex("name=\"t\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex(@"https://\S+/aanmelden/bevestigen\?t=[A-Za-z0-9_-]+(&lang=en)?")]
    private static partial Regex LinkInMail();
}
