using System.CommandLine;
using Timing.Municipalities;
using Timing.People;
using Timing.Storage;

namespace Timing.Cli;

/// <summary>Commands an administrator runs on the server: migrate, municipalities import, add-director, add-operator.</summary>
public static class AdminCommands
{
    public static Command Migrate(CliContext context)
    {
        var command = new Command("migrate", "Brengt de database bij / Brings the database schema up to date.");
        command.SetAction(_ => Run(context, async services =>
        {
            context.Output.WriteLine("Database bijgewerkt / database up to date.");
            await Task.CompletedTask;
            return 0;
        }));
        return command;
    }

    public static Command Municipalities(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "CBS/PDOK GeoJSON (statcode, statnaam) or CSV with header code,name." };
        var import = new Command("import", "Leest de CBS-gemeentelijst in / Imports the CBS municipality list.") { file };
        import.SetAction(parsed => Run(context, async services =>
        {
            var path = parsed.GetValue(file)!;
            IReadOnlyList<Core.Cycle.Municipality> list;
            try
            {
                list = MunicipalityList.Load(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read {path}: {e.Message}");
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
            var result = await MunicipalityImport.ImportAsync(services.GetRequiredService<TimingDbContext>(), list, CancellationToken.None);
            context.Output.WriteLine($"{list.Count} gemeenten gelezen / municipalities read: {result.Added} added, {result.Renamed} renamed, {result.Unchanged} unchanged.");
            return 0;
        }));
        return new Command("municipalities", "De gemeentelijst / The municipality list.") { import };
    }

    public static Command AddDirector(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "E-mail address of the director.", Required = true };
        var organisation = new Option<string>("--organisation") { Description = "Name of the organisation.", Required = true };
        var name = new Option<string>("--name") { Description = "Display name." };
        var lang = new Option<string>("--lang") { Description = "nl (default) or en." };
        var command = new Command("add-director", "Maakt een directeur aan / Adds a director.") { email, organisation, name, lang };
        command.SetAction(parsed =>
        {
            // The same limits as the pages: names on one line, without control characters; checked before the database is opened.
            var organisationName = InputParsers.Text(parsed.GetValue(organisation), "--organisation", Directors.MaxOrganisationName, required: true);
            var displayName = InputParsers.Text(parsed.GetValue(name), "--name", Web.TextLimits.PersonName);
            var language = InputParsers.Language(parsed.GetValue(lang) ?? "nl");
            return Run(context, async services =>
            {
                var clock = services.GetRequiredService<IClock>();
                try
                {
                    var person = await Directors.AddDirectorAsync(services.GetRequiredService<TimingDbContext>(), parsed.GetValue(email)!, organisationName,
                        displayName, language, clock.GetCurrentInstant(), CancellationToken.None);
                    context.Output.WriteLine($"Directeur {person.Email} toegevoegd aan '{organisationName}'. Aanmelden via de startpagina met dit adres. / Director added; sign in on the start page with this address.");
                    return 0;
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(e.Message);
                }
            });
        });
        return command;
    }

    public static Command AddOperator(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "E-mail address of the operator.", Required = true };
        var command = new Command("add-operator", "Maakt iemand beheerder van deze installatie (dashboard /hangfire) / Makes someone an operator of this instance.") { email };
        command.SetAction(parsed => Run(context, async services =>
        {
            var clock = services.GetRequiredService<IClock>();
            try
            {
                var (person, created) = await Directors.AddOperatorAsync(services.GetRequiredService<TimingDbContext>(), parsed.GetValue(email)!,
                    clock.GetCurrentInstant(), CancellationToken.None);
                context.Output.WriteLine(created
                    ? $"Beheerder {person.Email} aangemaakt (organisatie '{Directors.OperatorsOrganisation}'); aanmelden via de startpagina, dan /hangfire. / Operator account created; sign in, then open /hangfire."
                    : $"{person.Email} is nu beheerder; na opnieuw aanmelden is /hangfire open. / {person.Email} is now an operator; /hangfire opens after signing in again.");
                return 0;
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
        }));
        return command;
    }

    internal static int Run(CliContext context, Func<IServiceProvider, Task<int>> action)
    {
        using var services = CliServices.StartAsync(context, new Dictionary<string, string?>()).GetAwaiter().GetResult();
        using var scope = services.CreateScope();
        return action(scope.ServiceProvider).GetAwaiter().GetResult();
    }
}
