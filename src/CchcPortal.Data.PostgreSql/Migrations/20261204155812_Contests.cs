using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CchcPortal.Data.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Contests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    RulesMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    QuestionsPerAttempt = table.Column<int>(type: "integer", nullable: false),
                    TimeLimitMinutes = table.Column<int>(type: "integer", nullable: false),
                    AttemptsPerPerson = table.Column<int>(type: "integer", nullable: false),
                    TieBreakQuestion = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RequireName = table.Column<bool>(type: "boolean", nullable: false),
                    RequirePhone = table.Column<bool>(type: "boolean", nullable: false),
                    RequireUnit = table.Column<bool>(type: "boolean", nullable: false),
                    RequireCommune = table.Column<bool>(type: "boolean", nullable: false),
                    WinnersCount = table.Column<int>(type: "integer", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contest", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContestParticipant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Unit = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Commune = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TieBreakGuess = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestParticipant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestParticipant_Contest_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestQuestion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OptionA = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OptionB = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OptionC = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OptionD = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Correct = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    LegalSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestQuestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestQuestion_Contest_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contest",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestAttempt",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    QuestionIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    TimeTakenMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestAttempt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestAttempt_ContestParticipant_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "ContestParticipant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestAnswer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AttemptId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Option = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsCorrect = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestAnswer_ContestAttempt_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "ContestAttempt",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contest_Slug",
                table: "Contest",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestAnswer_AttemptId_QuestionId",
                table: "ContestAnswer",
                columns: new[] { "AttemptId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestAttempt_ContestId_SubmittedAt",
                table: "ContestAttempt",
                columns: new[] { "ContestId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContestAttempt_ParticipantId_Number",
                table: "ContestAttempt",
                columns: new[] { "ParticipantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestAttempt_Token",
                table: "ContestAttempt",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestParticipant_ContestId_DeviceId",
                table: "ContestParticipant",
                columns: new[] { "ContestId", "DeviceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContestParticipant_ContestId_PersonKey",
                table: "ContestParticipant",
                columns: new[] { "ContestId", "PersonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestQuestion_ContestId_IsActive",
                table: "ContestQuestion",
                columns: new[] { "ContestId", "IsActive" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContestAnswer");

            migrationBuilder.DropTable(
                name: "ContestQuestion");

            migrationBuilder.DropTable(
                name: "ContestAttempt");

            migrationBuilder.DropTable(
                name: "ContestParticipant");

            migrationBuilder.DropTable(
                name: "Contest");
        }
    }
}
