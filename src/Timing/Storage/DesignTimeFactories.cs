using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Timing.Storage;

/// <summary>Lets `dotnet ef migrations add` build each context without starting the service.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTimingDbContext>
{
    public SqliteTimingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTimingDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL context without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTimingDbContext>
{
    public PostgresTimingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTimingDbContext>().UseNpgsql("Host=localhost;Database=timing").Options);
}
