using System.Text.Json;
using Timing.Cli;

namespace Timing.Tests.Cli;

/// <summary>What the verbs say about bad input: the verb's full name, plain words, one line, exit code 2.</summary>
public class MessageTests
{
    [Fact]
    public void FactsRevert_CycleThatIsNoYear_NamesTheVerbAndAsksForAYear()
    {
        var (exit, output, error) = CliRunner.Run("facts", "revert", "--municipality", "GM0344", "--kind", "budget-debate", "--cycle", "abc");
        Assert.Equal((2, "", "timing facts revert: --cycle 'abc' is not a year; expected a year from 1900 to 2199, e.g. 2026."),
            (exit, output, error.TrimEnd()));
    }

    [Fact]
    public void FactsList_WithoutOptions_NamesTheWholeVerb()
    {
        var (exit, _, error) = CliRunner.Run("facts", "list");
        Assert.Equal(2, exit);
        Assert.StartsWith("timing facts list: Option '--municipality' is required; expected: timing facts list --municipality GM0344", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_UnknownFormat_OneLineWithTheChoices()
    {
        var (exit, output, error) = CliRunner.Run("plan", "--municipality", "GM0344", "--format", "xml");
        Assert.Equal((2, "", "timing plan: --format 'xml' is not supported; expected table, json or ics."), (exit, output, error.TrimEnd()));
    }

    [Theory]
    [InlineData("Cannot parse argument 'abc' for option '--cycle' as expected type 'System.Int32'.", "--cycle 'abc' cannot be read; expected a whole number.")]
    [InlineData("Cannot parse argument 'maybe' for option '--rules-only' as expected type 'System.Boolean'.", "--rules-only 'maybe' cannot be read; expected true or false.")]
    [InlineData("Argument 'xml' not recognized. Must be one of:\n\t'table'\n\t'json'", "Argument 'xml' not recognized. Must be one of: 'table' 'json'")]
    public void ParserMessages_InPlainWordsOnOneLine(string message, string plain) => Assert.Equal(plain, CommandLine.PlainMessage(message));

    [Fact]
    public void Help_ConfigDir_NamesEveryRuleFile()
    {
        foreach (var verb in new[] { "plan", "check-config" })
        {
            var (exit, output, _) = CliRunner.Run(verb, "--help");
            Assert.Equal(0, exit);
            Assert.Contains("Folder with cycle.json, elections.json and meetings.json.", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plan_FromInTheLastYear_EndsOnTheLastDayTimingPlans()
    {
        var (exit, output, error) = CliRunner.Run("plan", "--municipality", "GM0344", "--from", "2199-12-01", "--format", "json", "--rules-only");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(("2199-12-01", "2199-12-31"), (json.RootElement.GetProperty("from").GetString(), json.RootElement.GetProperty("to").GetString()));
    }

    [Fact]
    public void Plan_AgreementBeforeTheElection_IsRefusedAsInThePages()
    {
        var (exit, output, error) = CliRunner.Run("plan", "--municipality", "GM0344", "--actual", "coalition-agreement=2026-01-01", "--rules-only");
        Assert.Equal((2, ""), (exit, output));
        Assert.Equal("timing plan: --actual coalition-agreement: Coalitieakkoord (1 januari 2026) kan niet vóór Gemeenteraadsverkiezingen (18 maart 2026) liggen / " +
            "Coalition agreement (1 January 2026) cannot precede Municipal council elections (18 March 2026).", Assert.Single(error.TrimEnd().Split('\n')));
    }

    [Fact]
    public void Plan_AgreementAfterTheElection_IsAccepted()
    {
        var (exit, _, error) = CliRunner.Run("plan", "--municipality", "GM0344", "--actual", "coalition-agreement=2026-06-10", "--rules-only");
        Assert.True(exit == 0, error);
    }
}
