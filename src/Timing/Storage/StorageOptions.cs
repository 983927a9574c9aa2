namespace Timing.Storage;

/// <summary>Which database holds Timing's data. SQLite needs nothing installed; PostgreSQL serves several nodes.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Sqlite (default) or PostgreSql.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite database file; created with its folder on first run. Relative paths are under the working directory.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "timing.db");

    /// <summary>The PostgreSQL connection string, required when <see cref="Provider"/> is PostgreSql.</summary>
    public string? PostgreSqlConnectionString { get; set; }
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}
