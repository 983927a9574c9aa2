using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Timing.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MeetingSourceErrorInBothLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastErrorNl",
                table: "meeting_sources",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            // An error stored before the Dutch column existed is English; shown as it is rather than not at all.
            migrationBuilder.Sql("""UPDATE meeting_sources SET "LastErrorNl" = "LastError";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastErrorNl",
                table: "meeting_sources");
        }
    }
}
