using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CchcPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Surveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    AccessRating = table.Column<int>(type: "INTEGER", nullable: false),
                    ProcedureRating = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficialRating = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultRating = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackRating = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CommentStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Procedures_ProcedureId",
                        column: x => x.ProcedureId,
                        principalTable: "Procedures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_AgencyId_Month_Status",
                table: "SurveyResponses",
                columns: new[] { "AgencyId", "Month", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_AgencyId_SubmittedAt",
                table: "SurveyResponses",
                columns: new[] { "AgencyId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_CommentStatus",
                table: "SurveyResponses",
                column: "CommentStatus");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_ProcedureId",
                table: "SurveyResponses",
                column: "ProcedureId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_Status",
                table: "SurveyResponses",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyResponses");
        }
    }
}
