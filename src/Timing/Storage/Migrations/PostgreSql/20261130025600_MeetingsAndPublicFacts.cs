using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Timing.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MeetingsAndPublicFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "meeting_sources",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Address = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ETag = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    LastModified = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NextFetchUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LastAttemptUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    LastSuccessUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    FailingSinceUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FailureMailSentUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    SeesUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingsSeen = table.Column<int>(type: "integer", nullable: false),
                    ConfiguredBy = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ConfiguredUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_sources", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SourceKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Committee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StartUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Category = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Certain = table.Column<bool>(type: "boolean", nullable: false),
                    SocialDomain = table.Column<bool>(type: "boolean", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ConfirmedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    FirstSeenUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LastSeenUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "public_facts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SourceUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MeetingId = table.Column<long>(type: "bigint", nullable: true),
                    SetBy = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    SetUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RevertedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    RevertedBy = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_facts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_Code_Date",
                table: "meetings",
                columns: new[] { "Code", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_Code_SourceKind_ExternalId",
                table: "meetings",
                columns: new[] { "Code", "SourceKind", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_public_facts_Code_Kind_Cycle",
                table: "public_facts",
                columns: new[] { "Code", "Kind", "Cycle" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_sources");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "public_facts");
        }
    }
}
