using Microsoft.EntityFrameworkCore;

namespace Timing.Storage;

/// <summary>Timing's database. The provider-specific subclasses only exist to keep one set of migrations each.</summary>
public abstract class TimingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<FeedVersion> FeedVersions => Set<FeedVersion>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<FeedVersion>(e =>
        {
            e.ToTable("feed_versions");
            e.HasKey(x => x.Uid);
            e.Property(x => x.Uid).HasMaxLength(200);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
        });
    }
}

/// <summary>The SQLite flavour (default).</summary>
public sealed class SqliteTimingDbContext(DbContextOptions<SqliteTimingDbContext> options) : TimingDbContext(options);

/// <summary>The PostgreSQL flavour, for several nodes sharing one database.</summary>
public sealed class PostgresTimingDbContext(DbContextOptions<PostgresTimingDbContext> options) : TimingDbContext(options);
