using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Timing.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PagesFeedAddressOptOutAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ModeBeforeUnsubscribe",
                table: "people",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Protected",
                table: "feed_tokens",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "organisation_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    PersonEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    NewValue = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organisation_changes_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_organisation_changes_OrganisationId_AtUnixMs",
                table: "organisation_changes",
                columns: new[] { "OrganisationId", "AtUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisation_changes");

            migrationBuilder.DropColumn(
                name: "ModeBeforeUnsubscribe",
                table: "people");

            migrationBuilder.DropColumn(
                name: "Protected",
                table: "feed_tokens");
        }
    }
}
