using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedVersionScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot change a primary key in place: a new table is filled and takes the old one's name,
            // in plain statements (no table rebuild, so the copy runs in the migration's transaction).
            migrationBuilder.CreateTable(
                name: "feed_versions_scoped",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ModifiedUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_versions", x => new { x.Scope, x.Uid });
                });

            // Versions are a derived cache. Rows of municipality events carry on in the public feed of their
            // municipality (the UID starts with its code), so SEQUENCE never goes back for subscribers; rows of
            // whole feeds (one per day and filter in the old scheme) are dropped.
            migrationBuilder.Sql("""INSERT INTO feed_versions_scoped ("Scope", "Uid", "Fingerprint", "Sequence", "ModifiedUnixMs") SELECT 'public:' || substr("Uid", 1, 6), "Uid", "Fingerprint", "Sequence", "ModifiedUnixMs" FROM feed_versions WHERE "Uid" LIKE 'GM____.%'""");
            migrationBuilder.DropTable(name: "feed_versions");
            migrationBuilder.RenameTable(name: "feed_versions_scoped", newName: "feed_versions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Several scopes may hold the same UID; the old key allows one, and versions are a derived cache.
            migrationBuilder.DropTable(name: "feed_versions");
            migrationBuilder.CreateTable(
                name: "feed_versions",
                columns: table => new
                {
                    Uid = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    ModifiedUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_versions", x => x.Uid);
                });
        }
    }
}
