using System.Diagnostics;
using Npgsql;

namespace Timing.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL server for the storage tests: its own data folder, its own port on 127.0.0.1,
/// trust authentication, stopped and removed at the end. Needs Debian's postgresql package; without it the
/// tests fail and say how to install it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _folder = "";
    private string _bin = "";

    public int Port { get; private set; }

    /// <summary>A connection string to a new, empty database on this server.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = "timing_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault() ?? ""
            : "";
        Assert.True(_bin.Length > 0, "PostgreSQL is not installed: run `apt-get install postgresql` (bash .ci/prerequisites does this).");
        Port = TestPaths.FreePort();
        _folder = Path.Combine("/tmp", "timing-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_folder);
        if (IsRoot)
        {
            await Run("chown", "postgres", _folder);
        }
        await AsPostgres($"{_bin}/initdb -D {_folder}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null");
        await AsPostgres($"{_bin}/pg_ctl -D {_folder}/data -l {_folder}/log -w -o '-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start >/dev/null");
    }

    public async Task DisposeAsync()
    {
        if (_folder.Length > 0 && Directory.Exists(Path.Combine(_folder, "data")))
        {
            await AsPostgres($"{_bin}/pg_ctl -D {_folder}/data -m immediate stop >/dev/null");
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    // initdb refuses to run as root: as root the server runs as the postgres user, otherwise as the current user.
    private static Task AsPostgres(string command) => IsRoot ? Run("su", "postgres", "-c", command) : Run("sh", "-c", command);

    private static async Task Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed: {error}");
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
