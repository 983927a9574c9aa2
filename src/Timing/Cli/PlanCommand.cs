using System.CommandLine;
using Timing.Core;
using Timing.Core.Cycle;
using Timing.Municipalities;
using Timing.Rules;

namespace Timing.Cli;

/// <summary><c>timing plan</c>: prints a municipality's timeline as a table, JSON or iCalendar.</summary>
public static class PlanCommand
{
    public const string Usage =
        "timing plan --municipality GM0344 [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format table|json|ics] [--lang nl|en] " +
        "[--arena all|municipal] [--merger-date YYYY-MM-DD] [--actual KIND=YYYY-MM-DD]… [--rules-only] [--config-dir DIR] [--municipalities-file FILE]";

    public static Command Create(CliContext context)
    {
        var municipality = new Option<string>("--municipality", "-m") { Description = "CBS code, e.g. GM0344.", Required = true };
        var from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD). Default: today." };
        var to = new Option<string>("--to") { Description = $"Last day, inclusive (YYYY-MM-DD). Default: two years after --from, at most {SupportedDates.LastYear}-12-31." };
        var format = new Option<string>("--format") { Description = "table (default), json, or ics (the same body as the feed /feeds/{code}.ics)." };
        InputParsers.OneOf(format, Formats);
        var lang = new Option<string>("--lang") { Description = "nl (default) or en." };
        var arena = new Option<string>("--arena") { Description = "all (default): also provincial, water-board, national and European elections; municipal: only the municipality's own cycle." };
        InputParsers.OneOf(arena, ["all", "municipal"]);
        var merger = new Option<string>("--merger-date") { Description = "The municipality is part of a merger on this day (YYYY-MM-DD): usually 1 January (merger election in the November before); a spring merger makes that year's March election the merger election and installs the council on this day." };
        var actual = new Option<string[]>("--actual") { Description = "A real date: KIND=YYYY-MM-DD (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var configDir = new Option<string>("--config-dir") { Description = "Folder with cycle.json, elections.json and meetings.json." };
        var listFile = new Option<string>("--municipalities-file") { Description = "CBS municipality list (CSV code,name or GeoJSON) for names. Default: the shipped CBS list of 2026." };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Ignore the public facts in the configured database; show what the rules say." };

        var command = new Command("plan", "Toont de tijdlijn van een gemeente / Prints a municipality's timeline.")
        {
            municipality, from, to, format, lang, arena, merger, actual, configDir, listFile, rulesOnly,
        };
        command.SetAction(parsed =>
        {
            var code = InputParsers.Municipality(parsed.GetValue(municipality)!);
            var start = parsed.GetValue(from) is { } f ? InputParsers.Date(f, "--from") : ProductTime.Today(context.Clock);
            // Two years on by default, but never past the last year Timing plans.
            var end = parsed.GetValue(to) is { } t ? InputParsers.Date(t, "--to") : LocalDate.Min(start.PlusYears(2), new LocalDate(SupportedDates.LastYear, 12, 31));
            if (end < start)
            {
                throw new UsageException($"--to {end:yyyy-MM-dd} is before --from {start:yyyy-MM-dd}; expected --to on or after --from.");
            }
            var language = parsed.GetValue(lang) is { } l ? InputParsers.Language(l) : Language.Nl;
            LocalDate? mergerDate = parsed.GetValue(merger) is { } m ? InputParsers.Date(m, "--merger-date") : null;
            var actuals = (parsed.GetValue(actual) ?? []).Select(InputParsers.Actual).ToArray();

            var rules = CycleRulesLoader.Load(CommandLine.ConfigDirectory(context.Settings, parsed.GetValue(configDir)));
            if (!rules.IsValid)
            {
                foreach (var problem in rules.Problems)
                {
                    context.Error.WriteLine(problem);
                }
                return 1;
            }
            if (actuals.FirstOrDefault(a => rules.Rules!.Find(a.Kind) is null) is { Kind: not null } unknown)
            {
                throw new UsageException($"--actual names unknown moment kind '{unknown.Kind}'; {InputParsers.ActualExpected}. Kinds: {string.Join(", ", rules.Rules!.Moments.Select(m => m.Kind))}.");
            }
            var directory = LoadDirectory(context, parsed.GetValue(listFile));
            if (directory is null)
            {
                return 1;
            }
            if (parsed.GetValue(format) == "ics")
            {
                if (mergerDate is not null || actuals.Length > 0)
                {
                    throw new UsageException("--format ics prints the public feed, which follows the rules and the public facts only; leave out --merger-date and --actual.");
                }
                DateInterval? range = parsed.GetValue(from) is null && parsed.GetValue(to) is null ? null : new DateInterval(start, end);
                var filter = parsed.GetValue(arena) == "municipal" ? new Feeds.FeedFilter(MunicipalOnly: true) : Feeds.FeedFilter.All;
                context.Output.Write(RenderFeed(context, directory.Describe(code), language, range, filter, parsed.GetValue(configDir), parsed.GetValue(listFile), parsed.GetValue(rulesOnly)));
                return 0;
            }

            var planner = new CyclePlanner(rules.Rules!);
            var profile = new MunicipalityProfile(directory.Describe(code), mergerDate);
            var resolved = actuals
                .Select(a => new ActualDate(a.Kind, planner.CycleOf(profile, a.Kind, a.Dates.Start), a.Dates))
                .ToArray();
            profile = profile with { Actuals = resolved };
            if (!parsed.GetValue(rulesOnly))
            {
                // Public facts from the configured database, read-only; --actual entries beat them, like an organisation's own.
                var (facts, note) = Facts.ReadOnlyFacts.ReadAsync(context.Settings, code.Value, CancellationToken.None).GetAwaiter().GetResult();
                if (note is not null)
                {
                    context.Error.WriteLine(note);
                }
                profile = profile.WithPublicFacts(facts);
            }
            // The same order the pages enforce: an agreement cannot precede its election, a college its agreement.
            foreach (var entered in resolved)
            {
                var around = new DateInterval(
                    LocalDate.Max(entered.Dates.Start.PlusYears(-3), new LocalDate(SupportedDates.FirstYear, 1, 1)),
                    LocalDate.Min(entered.Dates.Start.PlusYears(3), new LocalDate(SupportedDates.LastYear, 12, 31)));
                if (ActualDateRules.Check(planner.Plan(profile, around), entered.Cycle) is { } problem)
                {
                    throw new UsageException($"--actual {entered.Kind}: {problem.Nl.TrimEnd('.')} / {problem.En}");
                }
            }
            var timeline = planner.Plan(profile, new DateInterval(start, end));
            if (parsed.GetValue(arena) == "municipal")
            {
                timeline = timeline with { Moments = timeline.Moments.Where(m => !m.Definition.IsArena).ToArray() };
            }

            context.Output.Write(parsed.GetValue(format) switch
            {
                "json" => TimelineJson.Render(timeline, language) + Environment.NewLine,
                _ => TimelineTable.Render(timeline, language),
            });
            return 0;
        });
        return command;
    }

    private static readonly string[] Formats = ["table", "json", "ics"];

    private static string RenderFeed(CliContext context, Municipality municipality, Language language, DateInterval? range, Feeds.FeedFilter filter, string? configDir, string? listFile, bool rulesOnly)
    {
        var overrides = new Dictionary<string, string?>();
        if (configDir is not null)
        {
            overrides[$"{TimingOptions.Section}:{nameof(TimingOptions.ConfigDirectory)}"] = configDir;
        }
        if (listFile is not null)
        {
            overrides[$"{TimingOptions.Section}:{nameof(TimingOptions.MunicipalitiesFile)}"] = listFile;
        }
        // Printing a plan never writes: versions are read where the service recorded them, else SEQUENCE 0.
        using var services = CliServices.StartReadOnly(context, overrides, rulesOnly);
        var feed = services.GetRequiredService<Feeds.FeedService>()
            .MunicipalityFeedAsync(municipality, filter, language, CancellationToken.None, range).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(feed.Body);
    }

    private static MunicipalityDirectory? LoadDirectory(CliContext context, string? option)
    {
        var path = TimingOptions.ResolveMunicipalitiesFile(option ?? context.Settings[$"{TimingOptions.Section}:{nameof(TimingOptions.MunicipalitiesFile)}"]);
        try
        {
            return new MunicipalityDirectory(MunicipalityList.Load(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            context.Error.WriteLine($"Municipality list {path}: {e.Message}");
            return null;
        }
    }
}
