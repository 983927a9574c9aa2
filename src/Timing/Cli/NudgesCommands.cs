using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Timing.Storage;
using Timing.Worker;

namespace Timing.Cli;

/// <summary><c>timing nudges preview</c>: what one person's reminder mail of one day would say, without sending it.</summary>
public static class NudgesCommands
{
    public const string Usage = "timing nudges preview --person EMAIL|ID --date YYYY-MM-DD";

    public static Command Create(CliContext context) =>
        new("nudges", "Herinneringen per e-mail / Reminder mail.") { Preview(context) };

    private static Command Preview(CliContext context)
    {
        var person = new Option<string>("--person") { Description = "The person's e-mail address, or their id when the address is in several organisations.", Required = true };
        var date = new Option<string>("--date") { Description = "The day, e.g. 2027-03-17.", Required = true };
        var command = new Command("preview", "Toont de herinneringsmail van één dag, zonder te versturen / Shows the reminder mail of one day, without sending it.") { person, date };
        command.SetAction(parsed =>
        {
            // The input is checked before the database is opened.
            var day = InputParsers.Date(parsed.GetValue(date)!, "--date");
            var who = InputParsers.Text(parsed.GetValue(person), "--person", 254, required: true);
            return RunAsync(context, who, day).GetAwaiter().GetResult();
        });
        return command;
    }

    /// <summary>Disposed asynchronously: the mail renderer holds an HTML renderer that only disposes that way.</summary>
    private static async Task<int> RunAsync(CliContext context, string who, LocalDate day)
    {
        await using var services = await CliServices.StartAsync(context, new Dictionary<string, string?>());
        await using var scope = services.CreateAsyncScope();
        return await PreviewAsync(context, scope.ServiceProvider, who, day);
    }

    private static async Task<int> PreviewAsync(CliContext context, IServiceProvider services, string who, LocalDate day)
    {
        var db = services.GetRequiredService<TimingDbContext>();
        var matches = int.TryParse(who, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? await db.People.AsNoTracking().Where(p => p.Id == id).ToListAsync()
            : await db.People.AsNoTracking().Where(p => p.Email == who.Trim().ToLowerInvariant()).ToListAsync();
        switch (matches.Count)
        {
            case 0:
                context.Error.WriteLine($"timing nudges preview: --person '{who}' is nobody in this instance; expected an e-mail address or id from the people page.");
                return 1;
            case > 1:
                context.Error.WriteLine($"timing nudges preview: --person '{who}' is in {matches.Count} organisations; expected one of their ids: {string.Join(", ", matches.Select(p => p.Id))}.");
                return 1;
        }
        var renderer = services.GetRequiredService<NudgeRenderer>();
        var messages = new[]
        {
            await renderer.PreviewAsync(matches[0].Id, day, CancellationToken.None),
            await renderer.PreviewDigestAsync(matches[0].Id, day, CancellationToken.None),
        }.OfType<MimeKit.MimeMessage>().ToList();
        if (messages.Count == 0)
        {
            context.Output.WriteLine($"{matches[0].Email}, {day:yyyy-MM-dd}: geen herinneringen / no reminders.");
            return 0;
        }
        if (!Feeds.PublicAddress.IsConfigured(context.Settings))
        {
            // The service links to the address it listens on; a command listens nowhere, so say which address it used.
            var links = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Feeds.FeedOptions>>().Value.BaseUrl;
            context.Error.WriteLine($"Links beginnen met {links}: Feeds:BaseUrl is niet ingesteld, de dienst zelf gebruikt het adres waarop hij luistert. / "
                + $"Links start with {links}: Feeds:BaseUrl is not set; the service itself uses the address it listens on.");
        }
        foreach (var message in messages)
        {
            context.Output.WriteLine($"To: {message.To}");
            context.Output.WriteLine($"Subject: {message.Subject}");
            context.Output.WriteLine();
            context.Output.Write(message.TextBody);
            context.Output.WriteLine();
        }
        return 0;
    }
}
