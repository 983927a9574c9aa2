using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Timing.Core.Cycle;
using Timing.Core.Nudges;

namespace Timing.Storage;

/// <summary>Timing's database. The provider-specific subclasses only exist to keep one set of migrations each.</summary>
public abstract class TimingDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core's data-protection keys (sign-in cookies, anti-forgery), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<FeedVersion> FeedVersions => Set<FeedVersion>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<MailOptOut> MailOptOuts => Set<MailOptOut>();

    public DbSet<FollowedMunicipality> FollowedMunicipalities => Set<FollowedMunicipality>();

    public DbSet<ActualDateRow> ActualDates => Set<ActualDateRow>();

    public DbSet<LocalEventRow> LocalEvents => Set<LocalEventRow>();

    public DbSet<DateChange> DateChanges => Set<DateChange>();

    public DbSet<OrganisationChange> OrganisationChanges => Set<OrganisationChange>();

    public DbSet<FeedToken> FeedTokens => Set<FeedToken>();

    public DbSet<SignInLink> SignInLinks => Set<SignInLink>();

    public DbSet<MunicipalityName> MunicipalityNames => Set<MunicipalityName>();

    public DbSet<Nudge> Nudges => Set<Nudge>();

    public DbSet<AppSecret> AppSecrets => Set<AppSecret>();

    public DbSet<PublicFact> PublicFacts => Set<PublicFact>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingSource> MeetingSources => Set<MeetingSource>();

    public DbSet<MeetingSourceUpstream> MeetingSourceUpstreams => Set<MeetingSourceUpstream>();

    public DbSet<MeetingSourceDiscovery> MeetingSourceDiscoveries => Set<MeetingSourceDiscovery>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EndSessionsOfChangedPeople();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EndSessionsOfChangedPeople();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A person whose role, organisation, address or operator right changes signs in again, whichever code made the change.</summary>
    private void EndSessionsOfChangedPeople()
    {
        foreach (var entry in ChangeTracker.Entries<Person>().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Property(p => p.Role).IsModified || entry.Property(p => p.OrganisationId).IsModified
                || entry.Property(p => p.Email).IsModified || entry.Property(p => p.IsOperator).IsModified)
            {
                entry.Entity.EndSessions();
            }
        }
    }

    /// <summary>Each domain type is written the same way in every table, by the converters beside this class.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Instant>().HaveConversion<InstantAsUnixMilliseconds>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateAsDateOnly>();
        configurationBuilder.Properties<Language>().HaveConversion<LanguageAsCode>().HaveMaxLength(2);
        configurationBuilder.Properties<NudgeMode>().HaveConversion<NudgeModeAsName>().HaveMaxLength(10);
        configurationBuilder.Properties<IReadOnlySet<string>>().HaveConversion<SetAsCommaSeparated, SetComparer>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
        modelBuilder.Entity<FeedVersion>(e =>
        {
            e.ToTable("feed_versions");
            e.HasKey(x => new { x.Scope, x.Uid });
            e.Property(x => x.Scope).HasMaxLength(40);
            e.Property(x => x.Uid).HasMaxLength(200);
            e.Property(x => x.Fingerprint).HasMaxLength(64);
        });
        modelBuilder.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.Property(x => x.Name).HasMaxLength(200);
        });
        modelBuilder.Entity<Person>(e =>
        {
            e.ToTable("people");
            // One address can work for several organisations, once in each; signing in asks which.
            e.HasIndex(x => new { x.OrganisationId, x.Email }).IsUnique();
            e.HasIndex(x => x.Email);
            e.Property(x => x.Email).HasMaxLength(254);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(20);
            e.Property(x => x.NudgeMode).HasDefaultValue(NudgeMode.Each);
            e.Property(x => x.SecurityStamp).HasMaxLength(64);
            e.HasOne(x => x.Organisation).WithMany(o => o.People).HasForeignKey(x => x.OrganisationId);
        });
        modelBuilder.Entity<MailOptOut>(e =>
        {
            e.ToTable("mail_opt_outs");
            e.HasKey(x => x.AddressHash);
            e.Property(x => x.AddressHash).HasMaxLength(64);
        });
        modelBuilder.Entity<FollowedMunicipality>(e =>
        {
            e.ToTable("followed_municipalities");
            e.HasIndex(x => new { x.OrganisationId, x.Code }).IsUnique();
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.SchoolRegion).HasMaxLength(10);
            e.HasOne<Organisation>().WithMany(o => o.Municipalities).HasForeignKey(x => x.OrganisationId);
        });
        modelBuilder.Entity<ActualDateRow>(e =>
        {
            e.ToTable("actual_dates");
            e.HasIndex(x => new { x.FollowedMunicipalityId, x.Kind, x.Cycle }).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.HasOne<FollowedMunicipality>().WithMany(m => m.Actuals).HasForeignKey(x => x.FollowedMunicipalityId);
        });
        modelBuilder.Entity<LocalEventRow>(e =>
        {
            e.ToTable("local_events");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(4000);
            e.Property(x => x.Kind).HasMaxLength(40).HasDefaultValue("local-event");
            e.HasOne<FollowedMunicipality>().WithMany(m => m.Events).HasForeignKey(x => x.FollowedMunicipalityId);
        });
        modelBuilder.Entity<DateChange>(e =>
        {
            e.ToTable("date_changes");
            e.HasIndex(x => new { x.FollowedMunicipalityId, x.At });
            e.Property(x => x.Subject).HasMaxLength(80);
            e.HasOne<FollowedMunicipality>().WithMany().HasForeignKey(x => x.FollowedMunicipalityId);
        });
        modelBuilder.Entity<FeedToken>(e =>
        {
            e.ToTable("feed_tokens");
            e.HasIndex(x => x.Hash).IsUnique();
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Protected).HasMaxLength(1000);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId);
        });
        modelBuilder.Entity<OrganisationChange>(e =>
        {
            e.ToTable("organisation_changes");
            e.HasIndex(x => new { x.OrganisationId, x.At });
            e.Property(x => x.PersonEmail).HasMaxLength(254);
            e.Property(x => x.Subject).HasMaxLength(80);
            e.Property(x => x.OldValue).HasMaxLength(400);
            e.Property(x => x.NewValue).HasMaxLength(400);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId);
        });
        modelBuilder.Entity<SignInLink>(e =>
        {
            e.ToTable("sign_in_links");
            e.HasIndex(x => x.Hash).IsUnique();
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId);
        });
        modelBuilder.Entity<Nudge>(e =>
        {
            e.ToTable("nudges");
            e.HasIndex(x => new { x.PersonId, x.Kind, x.Subject, x.LeadId, x.Day }).IsUnique();
            e.HasIndex(x => new { x.State, x.Due });
            e.Property(x => x.Kind).HasMaxLength(10);
            e.Property(x => x.Subject).HasMaxLength(120);
            e.Property(x => x.LeadId).HasMaxLength(40);
            e.Property(x => x.State).HasMaxLength(12);
            e.Property(x => x.MessageId).HasMaxLength(200);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.ClaimedBy).HasMaxLength(100);
            e.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AppSecret>(e =>
        {
            e.ToTable("app_secrets");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.Value).HasMaxLength(200);
        });
        modelBuilder.Entity<PublicFact>(e =>
        {
            e.ToTable("public_facts");
            e.HasIndex(x => new { x.Code, x.Kind, x.Cycle });
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.Source).HasMaxLength(500);
            e.Property(x => x.SourceUrl).HasMaxLength(2000);
            e.Property(x => x.SetBy).HasMaxLength(254);
            e.Property(x => x.RevertedBy).HasMaxLength(254);
            e.Property(x => x.SetAt).HasColumnName("SetUnixMs");
        });
        modelBuilder.Entity<Meeting>(e =>
        {
            e.ToTable("meetings");
            e.HasIndex(x => new { x.Code, x.SourceKind, x.ExternalId }).IsUnique();
            e.HasIndex(x => new { x.Code, x.Date });
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.SourceKind).HasMaxLength(20);
            e.Property(x => x.ExternalId).HasMaxLength(300);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Committee).HasMaxLength(200);
            e.Property(x => x.Location).HasMaxLength(300);
            e.Property(x => x.Url).HasMaxLength(2000);
            e.Property(x => x.AgendaItems).HasMaxLength(20_000);
            e.Property(x => x.Category).HasMaxLength(12);
            e.Property(x => x.Kind).HasMaxLength(40);
            e.Property(x => x.ConfirmedBy).HasMaxLength(254);
        });
        modelBuilder.Entity<MeetingSource>(e =>
        {
            e.ToTable("meeting_sources");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.Kind).HasMaxLength(20);
            e.Property(x => x.Address).HasMaxLength(2000);
            e.Property(x => x.ETag).HasMaxLength(300);
            e.Property(x => x.LastModified).HasMaxLength(100);
            e.ComplexProperty(x => x.LastError, c => InBothLanguages(c, "LastError"));
            e.ComplexProperty(x => x.LastWarnings, c => InBothLanguages(c, "LastWarnings"));
            e.Property(x => x.ConfiguredBy).HasMaxLength(254);
        });
        modelBuilder.Entity<MeetingSourceDiscovery>(e => e.ComplexProperty(x => x.Note, c => InBothLanguages(c, "Note")));
        modelBuilder.Entity<MunicipalityName>(e =>
        {
            e.ToTable("municipality_names");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.Name).HasMaxLength(200);
        });

        // An instant's column says its unit: Created is stored in CreatedUnixMs.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => (p.ClrType == typeof(Instant) || p.ClrType == typeof(Instant?)) && p.GetColumnName() == p.Name))
        {
            property.SetColumnName(property.Name + "UnixMs");
        }
    }

    /// <summary>
    /// A text kept in Dutch and English: the English in the column of that name (as before the Dutch existed), the
    /// Dutch beside it with "Nl" after the name. Rows stored before then hold the English in both (see the migration).
    /// </summary>
    private static void InBothLanguages(Microsoft.EntityFrameworkCore.Metadata.Builders.ComplexPropertyBuilder<LocalizedText> text, string column)
    {
        text.Property(t => t.En).HasColumnName(column).HasMaxLength(1000);
        text.Property(t => t.Nl).HasColumnName(column + "Nl").HasMaxLength(1000);
    }
}

/// <summary>The SQLite flavour (default).</summary>
public sealed class SqliteTimingDbContext(DbContextOptions<SqliteTimingDbContext> options) : TimingDbContext(options);

/// <summary>The PostgreSQL flavour, for several nodes sharing one database.</summary>
public sealed class PostgresTimingDbContext(DbContextOptions<PostgresTimingDbContext> options) : TimingDbContext(options);
