using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Timing.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "app_secrets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_app_secrets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "feed_versions",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Uid = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    ModifiedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_versions", x => new { x.Scope, x.Uid });
                });

            migrationBuilder.CreateTable(
                name: "mail_opt_outs",
                columns: table => new
                {
                    AddressHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mail_opt_outs", x => x.AddressHash);
                });

            migrationBuilder.CreateTable(
                name: "meeting_source_discoveries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TriedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    NextTryUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NoteNl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_source_discoveries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "meeting_source_upstreams",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Supplier = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    LastImportUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    LatestContent = table.Column<DateOnly>(type: "date", nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CheckedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meeting_source_upstreams", x => x.Code);
                });

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
                    FailureMailSentUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    SeesUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingsSeen = table.Column<int>(type: "integer", nullable: false),
                    ConfiguredBy = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ConfiguredUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LastErrorNl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LastWarnings = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    LastWarningsNl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
                    StartUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    AgendaItems = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
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
                name: "municipality_names",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipality_names", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "followed_municipalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MergerDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SchoolRegion = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_followed_municipalities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_followed_municipalities_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Audiences = table.Column<string>(type: "text", nullable: false),
                    Municipalities = table.Column<string>(type: "text", nullable: false),
                    NudgeMode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false, defaultValue: "each"),
                    ModeBeforeUnsubscribe = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    AcceptedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    InvitedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    OwnChoices = table.Column<bool>(type: "boolean", nullable: false),
                    SecurityStamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsOperator = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "actual_dates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FollowedMunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_actual_dates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_actual_dates_followed_municipalities_FollowedMunicipalityId",
                        column: x => x.FollowedMunicipalityId,
                        principalTable: "followed_municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "date_changes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FollowedMunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    PersonEmail = table.Column<string>(type: "text", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Subject = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OldValue = table.Column<string>(type: "text", nullable: false),
                    NewValue = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_date_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_date_changes_followed_municipalities_FollowedMunicipalityId",
                        column: x => x.FollowedMunicipalityId,
                        principalTable: "followed_municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "local_events",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FollowedMunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, defaultValue: "local-event"),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_local_events_followed_municipalities_FollowedMunicipalityId",
                        column: x => x.FollowedMunicipalityId,
                        principalTable: "followed_municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feed_tokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RevokedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    Protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feed_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feed_tokens_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nudges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    LeadId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    DueUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Message = table.Column<string>(type: "text", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClaimedUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    SentUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    CreatedUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nudges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_nudges_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sign_in_links",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    UsedUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sign_in_links_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_actual_dates_FollowedMunicipalityId_Kind_Cycle",
                table: "actual_dates",
                columns: new[] { "FollowedMunicipalityId", "Kind", "Cycle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_date_changes_FollowedMunicipalityId_AtUnixMs",
                table: "date_changes",
                columns: new[] { "FollowedMunicipalityId", "AtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_feed_tokens_Hash",
                table: "feed_tokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_feed_tokens_PersonId",
                table: "feed_tokens",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_followed_municipalities_OrganisationId_Code",
                table: "followed_municipalities",
                columns: new[] { "OrganisationId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_local_events_FollowedMunicipalityId",
                table: "local_events",
                column: "FollowedMunicipalityId");

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
                name: "IX_nudges_PersonId_Kind_Subject_LeadId_Day",
                table: "nudges",
                columns: new[] { "PersonId", "Kind", "Subject", "LeadId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_nudges_State_DueUnixMs",
                table: "nudges",
                columns: new[] { "State", "DueUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_organisation_changes_OrganisationId_AtUnixMs",
                table: "organisation_changes",
                columns: new[] { "OrganisationId", "AtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_people_Email",
                table: "people",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_people_OrganisationId_Email",
                table: "people",
                columns: new[] { "OrganisationId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_public_facts_Code_Kind_Cycle",
                table: "public_facts",
                columns: new[] { "Code", "Kind", "Cycle" });

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_links_Hash",
                table: "sign_in_links",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_links_PersonId",
                table: "sign_in_links",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "actual_dates");

            migrationBuilder.DropTable(
                name: "app_secrets");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "date_changes");

            migrationBuilder.DropTable(
                name: "feed_tokens");

            migrationBuilder.DropTable(
                name: "feed_versions");

            migrationBuilder.DropTable(
                name: "local_events");

            migrationBuilder.DropTable(
                name: "mail_opt_outs");

            migrationBuilder.DropTable(
                name: "meeting_source_discoveries");

            migrationBuilder.DropTable(
                name: "meeting_source_upstreams");

            migrationBuilder.DropTable(
                name: "meeting_sources");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropTable(
                name: "municipality_names");

            migrationBuilder.DropTable(
                name: "nudges");

            migrationBuilder.DropTable(
                name: "organisation_changes");

            migrationBuilder.DropTable(
                name: "public_facts");

            migrationBuilder.DropTable(
                name: "sign_in_links");

            migrationBuilder.DropTable(
                name: "followed_municipalities");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "organisations");
        }
    }
}
