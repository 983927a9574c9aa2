using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FeedVersionScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_feed_versions",
                table: "feed_versions");

            migrationBuilder.AddColumn<string>(
                name: "Scope",
                table: "feed_versions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddPrimaryKey(
                name: "PK_feed_versions",
                table: "feed_versions",
                columns: new[] { "Scope", "Uid" });

            // Versions are a derived cache. Rows of municipality events carry on in the public feed of their
            // municipality (the UID starts with its code), so SEQUENCE never goes back for subscribers; rows of
            // whole feeds (one per day and filter in the old scheme) are dropped.
            migrationBuilder.Sql("""UPDATE feed_versions SET "Scope" = 'public:' || substr("Uid", 1, 6) WHERE "Uid" LIKE 'GM____.%'""");
            migrationBuilder.Sql("""DELETE FROM feed_versions WHERE "Scope" = ''""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Several scopes may hold the same UID; the old key allows one, and versions are a derived cache.
            migrationBuilder.Sql("DELETE FROM feed_versions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_feed_versions",
                table: "feed_versions");

            migrationBuilder.DropColumn(
                name: "Scope",
                table: "feed_versions");

            migrationBuilder.AddPrimaryKey(
                name: "PK_feed_versions",
                table: "feed_versions",
                column: "Uid");
        }
    }
}
